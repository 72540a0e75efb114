package org.smartcc.launcher.application;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.smartcc.launcher.domain.AppInstances;
import org.smartcc.launcher.domain.CsrfPolicy;

/** What the launcher keeps in a sign-in session: its CSRF token and its app instances. */
public final class SessionState {

    private static final String INSTANCES = "smartcc.app-instances";
    private static final String CSRF_TOKEN = "smartcc.csrf-token";

    private SessionState() {
    }

    public static AppInstances instances(HttpSession session) {
        synchronized (session) {
            AppInstances instances = (AppInstances) session.getAttribute(INSTANCES);
            if (instances == null) {
                instances = new AppInstances();
                session.setAttribute(INSTANCES, instances);
            }
            return instances;
        }
    }

    /** The session's instances if it launched any, without adding them to a session that is ending. */
    public static Optional<AppInstances> existingInstances(HttpSession session) {
        return Optional.ofNullable((AppInstances) session.getAttribute(INSTANCES));
    }

    /** The session's token, made on first use. */
    public static String csrfToken(HttpSession session) {
        synchronized (session) {
            String token = (String) session.getAttribute(CSRF_TOKEN);
            if (token == null) {
                token = CsrfPolicy.newToken();
                session.setAttribute(CSRF_TOKEN, token);
            }
            return token;
        }
    }

    /** The session's token, or null when none was made (then no state-changing request can pass). */
    public static String existingCsrfToken(HttpSession session) {
        return session == null ? null : (String) session.getAttribute(CSRF_TOKEN);
    }
}
