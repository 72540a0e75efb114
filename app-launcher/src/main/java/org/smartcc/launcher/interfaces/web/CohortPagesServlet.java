package org.smartcc.launcher.interfaces.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.smartcc.launcher.domain.CohortLink;
import org.smartcc.launcher.domain.LauncherException;

/**
 * The cohort pages' deep links (docs/cohort-ui.md): {@code /cohorts/{set_id}} shows the set page and
 * {@code /cohorts/{set_id}/apps/{app_id}} cohort mode, both behind sign-in like every page, so that a link opened
 * before sign-in lands on its page after it. Whether the set and the app exist the pages learn from the API server.
 */
@WebServlet("/cohorts/*")
public class CohortPagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        CohortLink link;
        try {
            link = CohortLink.parse(request.getPathInfo());
        } catch (LauncherException e) {
            response.sendError(e.status());
            return;
        }
        request.getRequestDispatcher(link.page()).forward(request, response);
    }
}
