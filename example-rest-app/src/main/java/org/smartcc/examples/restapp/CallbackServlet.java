package org.smartcc.examples.restapp;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * {@code GET /callback?oauth_token=T&oauth_verifier=V}, the manifest's {@code oauth_callback} the container sends the
 * browser to after the user approved (smart-classic §4.4 steps 5–6): the request token of this browser's session is
 * exchanged for an access token, which reads the record's demographics and medications.
 */
@WebServlet("/callback")
public class CallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CallbackServlet.class.getName());

    @Inject
    transient RestAppSettings settings;
    @Inject
    transient ContainerClient container;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            PendingAuthorization pending = takePending(request.getSession(false), request.getParameter("oauth_token"));
            String verifier = request.getParameter("oauth_verifier");
            if (verifier == null || verifier.isBlank()) {
                throw new AppFailure(403, "ACCESS_DENIED", "The container did not authorize this app to read the"
                        + " record (no oauth_verifier came back).");
            }
            String secret = settings.consumerSecret();
            AccessGrant grant = container.accessToken(pending, verifier, secret);
            String demographics = container.readRecord(pending, grant, "/demographics", "the demographics", secret);
            String medications = container.readRecord(pending, grant, "/medications/", "the medications", secret);
            HtmlPage.send(response, 200, HtmlPage.summary(RecordSummary.read(demographics, medications)));
        } catch (AppFailure failure) {
            LOG.warning(() -> "callback failed: " + failure.code() + ": " + failure.getMessage());
            HtmlPage.send(response, failure.status(), HtmlPage.failure(failure));
        }
    }

    /**
     * The session's pending request token, which the callback must name; it is used once. Another token, or none,
     * means the callback did not come from this browser's launch (or the session expired).
     */
    private static PendingAuthorization takePending(HttpSession session, String requestToken) {
        Object pending = session == null ? null : session.getAttribute(PendingAuthorization.SESSION_ATTRIBUTE);
        if (!(pending instanceof PendingAuthorization authorization)
                || !authorization.requestToken().equals(requestToken)) {
            throw new AppFailure(400, "NO_PENDING_AUTHORIZATION", "This browser has no authorization of this app in"
                    + " progress for that request token (the session may have expired): launch the app again.");
        }
        session.removeAttribute(PendingAuthorization.SESSION_ATTRIBUTE);
        return authorization;
    }
}
