package org.smartcc.launcher.interfaces.web;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.smartcc.launcher.application.SessionState;
import org.smartcc.launcher.domain.Caller;
import org.smartcc.launcher.domain.LauncherException;
import org.smartcc.launcher.infrastructure.api.ApiClient;
import org.smartcc.launcher.infrastructure.security.CurrentCaller;

/**
 * The container manifest's {@code launch_urls.authorize_token} (smart-classic §4.4 step 4). A user who approved this
 * app on this record before is sent on at once; else the approval page asks. Approval redirects to the app's
 * {@code oauth_callback}, whatever its scheme (§4.7, native apps).
 */
@WebServlet("/oauth/authorize")
public class AuthorizeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ApiClient api;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = CurrentCaller.of(request);
        String token = request.getParameter("oauth_token");
        if (token == null || token.isBlank()) {
            refuse(request, response, caller, 400, "The app sent no request token (oauth_token).");
            return;
        }
        try {
            JsonObject info = api.requestTokenInfo(token, caller.id());
            if (info.getBoolean("approved", false)) {
                approve(response, token, caller, info);
            } else {
                askForApproval(request, response, caller, token, info);
            }
        } catch (LauncherException e) {
            refuse(request, response, caller, e.status(), e.getMessage() + " (" + e.code() + ")");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = CurrentCaller.of(request);
        String token = request.getParameter("oauth_token");
        String decision = request.getParameter("decision");
        if (token == null || token.isBlank() || !("approve".equals(decision) || "deny".equals(decision))) {
            refuse(request, response, caller, 400, "The form needs oauth_token and a decision (approve or deny).");
            return;
        }
        try {
            JsonObject info = api.requestTokenInfo(token, caller.id());
            if ("approve".equals(decision)) {
                approve(response, token, caller, info);
            } else {
                Html.write(response, 200, request.getContextPath(), caller, csrf(request), "Not authorised",
                        "<h1 class=\"h3\">Not authorised</h1><p>You did not authorise <strong>"
                                + Html.escape(info.getString("app_name", info.getString("app_id")))
                                + "</strong>; it cannot reach the record. You can close this window.</p>");
            }
        } catch (LauncherException e) {
            refuse(request, response, caller, e.status(), e.getMessage() + " (" + e.code() + ")");
        }
    }

    private void approve(HttpServletResponse response, String token, Caller caller, JsonObject info) {
        JsonObject approval = api.approve(token, caller.id(), info.getString("record_id", null));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", approval.getString("redirect_url"));
    }

    private void askForApproval(HttpServletRequest request, HttpServletResponse response, Caller caller,
                                String token, JsonObject info) throws IOException {
        String recordId = info.getString("record_id", null);
        String record = "";
        if (recordId != null) {
            JsonObject banner = api.record(recordId);
            record = "<p>Record: <strong>" + Html.escape(banner.getString("full_name", recordId)) + "</strong>"
                    + " (MRN " + Html.escape(banner.getString("mrn", "–")) + ", born "
                    + Html.escape(banner.getString("birthday", "–")) + ")</p>";
        }
        String csrf = csrf(request);
        String body = """
                <h1 class="h3">Authorise an app</h1>
                <div class="card my-3"><div class="card-body">
                  <h2 class="h5 card-title">%s</h2>
                  <p class="card-text">%s</p>
                  %s
                  <p class="card-text">The app asks to read and write this record on your behalf.</p>
                  <form method="post" action="%s/oauth/authorize">
                    <input type="hidden" name="oauth_token" value="%s">
                    <input type="hidden" name="csrf" value="%s">
                    <button type="submit" name="decision" value="approve" class="btn btn-primary">Approve</button>
                    <button type="submit" name="decision" value="deny" class="btn btn-outline-secondary">Deny</button>
                  </form>
                </div></div>""".formatted(Html.escape(info.getString("app_name", info.getString("app_id"))),
                Html.escape(info.getString("app_description", "")), record, Html.escape(request.getContextPath()),
                Html.escape(token), Html.escape(csrf));
        Html.write(response, 200, request.getContextPath(), caller, csrf, "Authorise an app", body);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Caller caller, int status,
                               String message) throws IOException {
        Html.write(response, status, request.getContextPath(), caller, csrf(request), "Cannot authorise",
                "<h1 class=\"h3\">Cannot authorise the app</h1><p>" + Html.escape(message) + "</p>");
    }

    private static String csrf(HttpServletRequest request) {
        return SessionState.csrfToken(request.getSession(true));
    }
}
