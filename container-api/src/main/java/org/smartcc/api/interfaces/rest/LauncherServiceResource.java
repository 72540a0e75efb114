package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.smartcc.api.application.Auditor;
import org.smartcc.api.application.LoginAudit;
import org.smartcc.api.application.LoginThrottle;
import org.smartcc.api.domain.AuditKind;
import org.smartcc.oauth.application.AppLaunch;
import org.smartcc.oauth.application.AppRepository;
import org.smartcc.oauth.application.Approval;
import org.smartcc.oauth.application.AuthorizationFlow;
import org.smartcc.oauth.application.LaunchCredentials;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.application.PendingAuthorization;
import org.smartcc.oauth.application.UserAccounts;
import org.smartcc.oauth.domain.App;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.UserAccount;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * The services the launcher (the UI host) calls on behalf of its logged-in user, like the reference container's
 * {@code /oauth/internal/...} for its "chrome" app (smart-classic §2.7): what a request token asks for, the user's
 * approval, app launch credentials and their revocation, and the sign-in of the launcher's users. Only the launcher
 * may call them, with HTTP Basic user {@code launcher} and
 * {@code smartcc.launcher.secret}; they are off while that is unset ({@link LauncherOnly}).
 */
@Path("oauth/internal")
@LauncherOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LauncherServiceResource {

    /** What a launcher user signs in to, in the audit trail. */
    private static final String LAUNCHER = "launcher";

    @Inject
    AuthorizationFlow authorization;
    @Inject
    AppLaunch appLaunch;
    @Inject
    AppRepository apps;
    @Inject
    ApiBases apiBases;
    @Inject
    UserAccounts accounts;
    @Inject
    OAuthProvider provider;
    @Inject
    LoginAudit logins;
    @Inject
    LoginThrottle throttle;
    @Inject
    Auditor auditor;
    @Context
    UriInfo uri;

    /**
     * The launcher's sign-in: the user and their roles when the password is right, else 401 LOGIN_FAILED; 429
     * LOGIN_THROTTLED after too many wrong passwords for the name ({@link LoginThrottle}).
     */
    @POST
    @Path("session_create")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject sessionCreate(@FormParam("username") String username, @FormParam("password") String password) {
        UserAccount account;
        throttle.check(username);
        try {
            account = accounts.signIn(username, password);
        } catch (OAuthException refused) {
            throttle.failed(username);
            String known = username == null ? null : accounts.find(username).map(UserAccount::id).orElse(null);
            logins.refused(known, LAUNCHER, refused.error().name());
            throw refused;
        }
        throttle.succeeded(username);
        logins.signedIn(account.id(), LAUNCHER);
        JsonArrayBuilder roles = Jsonp.JSON.createArrayBuilder();
        account.roles().stream().sorted().forEach(r -> roles.add(r.roleName()));
        return Jsonp.JSON.createObjectBuilder().add("user_id", account.id()).add("full_name", account.fullName())
                .add("roles", roles).build();
    }

    @GET
    @Path("request_tokens/{token}/info")
    public JsonObject info(@PathParam("token") String token, @QueryParam("user_id") String userId) {
        PendingAuthorization pending = authorization.pendingAuthorization(token, userId);
        JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder()
                .add("app_id", pending.app().id())
                .add("app_name", pending.app().name())
                .add("app_description", pending.app().description())
                .add("approved", pending.approvedBefore());
        pending.recordId().ifPresent(r -> json.add("record_id", r));
        return json.build();
    }

    /** The user approved: answers where to send the browser (the app's oauth_callback with the verifier). */
    @POST
    @Path("request_tokens/{token}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject approve(@PathParam("token") String token, @FormParam("user_id") String userId,
                              @FormParam("record_id") String recordId) {
        Approval approval = authorization.approve(token, required("user_id", userId), recordId);
        return Jsonp.JSON.createObjectBuilder().add("redirect_url", approval.redirectUrl())
                .add("oauth_verifier", approval.verifier()).build();
    }

    /**
     * Tokens for launching an app for a user on a record: SMART Connect and REST, and the legacy launch header for
     * the apps flagged for it (403 APP_DISABLED for a disabled app).
     */
    @POST
    @Path("launch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject launch(@FormParam("app_id") String appId, @FormParam("user_id") String userId,
                             @FormParam("record_id") String recordId) {
        LaunchCredentials launch = appLaunch.launch(required("app_id", appId),
                required("user_id", userId), recordId);
        App app = apps.find(launch.appId()).orElseThrow();
        JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder()
                .add("app_id", launch.appId())
                .add("user_id", launch.userId())
                .add("api_base", apiBases.of(uri))
                .add("rest_token", launch.restToken())
                .add("rest_secret", launch.restSecret())
                .add("connect_token", launch.connectToken())
                .add("connect_secret", launch.connectSecret())
                .add("legacy_launch", app.legacyLaunch());
        if (app.legacyLaunch() && app.index().isPresent()) {
            json.add("oauth_header", appLaunch.legacyOAuthHeader(launch, apiBases.of(uri)));
        }
        if (launch.recordId() != null) {
            json.add("record_id", launch.recordId());
        }
        auditor.record(auditor.event(AuditKind.APP_LAUNCH).user(launch.userId()).app(launch.appId())
                .record(launch.recordId()).what(app.legacyLaunch() ? "legacy launch" : "launch"));
        return json.build();
    }

    /** Revokes tokens of the launcher's launches at once (app closed, record changed, logout). */
    @POST
    @Path("tokens/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject revoke(@FormParam("token") List<String> tokens) {
        long revoked = tokens.stream().filter(t -> t != null && !t.isBlank()).distinct().filter(provider::revoke)
                .count();
        return Jsonp.JSON.createObjectBuilder().add("revoked", revoked).build();
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "PARAMETER_MISSING", "form parameter " + name
                    + " is required");
        }
        return value;
    }
}
