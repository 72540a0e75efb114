package org.smartcc.launcher.infrastructure.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.smartcc.launcher.application.AppLaunches;
import org.smartcc.launcher.application.SessionState;

/** A session that ends (logout or time-out) takes its app instances' tokens with it. */
@WebListener
public class SessionEndListener implements HttpSessionListener {

    @Inject
    AppLaunches launches;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        SessionState.existingInstances(event.getSession()).ifPresent(launches::closeAll);
    }
}
