package org.smartcc.launcher.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.smartcc.launcher.application.AppLaunches;
import org.smartcc.launcher.application.SessionState;

/**
 * {@code POST /logout} (CSRF form field {@code csrf}): revokes the session's tokens and ends it. The browser goes to
 * the start page, which sends it to the login page with the start page as where sign-in returns to.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AppLaunches launches;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            SessionState.existingInstances(session).ifPresent(launches::closeAll);
        }
        request.logout();
        if (session != null) {
            session.invalidate();
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/");
    }
}
