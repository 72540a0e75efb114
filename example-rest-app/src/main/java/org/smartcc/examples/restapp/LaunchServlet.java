package org.smartcc.examples.restapp;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * {@code GET /index?record_id=R&api_base=A}, where the container opens the app (smart-classic §4.4 steps 1–4): with
 * a record, a request token for it and the browser on to the container's approval page; without one, the browser to
 * the container's {@code app_launch}, which lets the user pick a record and opens this page again.
 */
@WebServlet("/index")
public class LaunchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LaunchServlet.class.getName());

    @Inject
    transient RestAppSettings settings;
    @Inject
    transient ContainerClient container;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String apiBase = allowedApiBase(request.getParameter("api_base"));
            LaunchUrls urls = container.launchUrls(apiBase);
            String recordId = request.getParameter("record_id");
            if (recordId == null || recordId.isBlank()) {
                redirect(response, urls.appLaunchOf(RestAppSettings.CONSUMER_KEY));
                return;
            }
            PendingAuthorization pending = container.requestToken(apiBase, urls, recordId,
                    settings.consumerSecret());
            request.getSession(true).setAttribute(PendingAuthorization.SESSION_ATTRIBUTE, pending);
            redirect(response, urls.authorizeTokenOf(pending.requestToken()));
        } catch (AppFailure failure) {
            LOG.warning(() -> "launch failed: " + failure.code() + ": " + failure.getMessage());
            HtmlPage.send(response, failure.status(), HtmlPage.failure(failure));
        }
    }

    /** The launch's {@code api_base} if the app may talk to it; the container's public URL when there is none. */
    private String allowedApiBase(String requested) {
        ApiBaseAllowList allowList = settings.apiBases();
        String apiBase = requested == null || requested.isBlank() ? settings.publicUrl() : requested;
        return allowList.match(apiBase).orElseThrow(() -> new AppFailure(400, "API_BASE_NOT_ALLOWED",
                "This app only works with the container at " + String.join(", ", allowList.allowed())
                        + "; it was launched for " + apiBase + "."));
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
    }
}
