package org.smartcc.api.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.smartcc.api.domain.AppData;
import org.smartcc.api.domain.AppDataKind;
import org.smartcc.api.infrastructure.ContainerSettings;
import org.smartcc.api.infrastructure.JdbcAppData;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.OAuthPrincipal;

/**
 * What the preferences and scratchpad endpoints share (smart-classic §2.6): opaque bytes returned with the content
 * type they were stored with, and which signed tokens may use them (the signature is {@link SignedByApp}'s).
 */
abstract class AppDataEndpoint {

    @Inject
    JdbcAppData appData;
    @Inject
    OAuthProvider provider;
    @Inject
    ContainerSettings settings;
    @Inject
    Caller caller;
    @Context
    HttpHeaders headers;

    Response read(AppDataKind kind, String owner, String appId) {
        return appData.find(kind, owner, appId)
                .map(d -> Response.ok(d.data(), d.contentType()))
                .orElseGet(() -> Response.ok(new byte[0], AppData.DEFAULT_CONTENT_TYPE))
                .build();
    }

    /** Stores the body with its content type and echoes what was stored, so apps can detect a lost race. */
    Response write(AppDataKind kind, String owner, String appId, byte[] body) {
        int limit = settings.maxAppDataBytes();
        if (body.length > limit) {
            return ErrorResponse.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "APP_DATA_TOO_LARGE", "preferences and"
                    + " scratchpad documents may be at most " + limit + " bytes (smartcc.app-data.max-kb); this one"
                    + " has " + body.length);
        }
        MediaType type = headers.getMediaType();
        String contentType = type == null ? AppData.DEFAULT_CONTENT_TYPE : type.toString();
        appData.put(kind, owner, appId, new AppData(contentType, body));
        return Response.ok(body, contentType).build();
    }

    Response delete(AppDataKind kind, String owner, String appId) {
        appData.delete(kind, owner, appId);
        return Response.ok("ok", MediaType.TEXT_PLAIN).build();
    }

    /** The signing token must be that user's, of that app. */
    void requireUser(String userId, String appId) {
        provider.requireUser(caller.app(), userId, appId);
    }

    /** The signing token must be bound to that record; answers who signed. */
    OAuthPrincipal requireRecord(String recordId) {
        OAuthPrincipal principal = caller.app();
        provider.requireRecord(principal, recordId);
        return principal;
    }

    static void requireOwnApp(OAuthPrincipal principal, String appId) {
        if (!principal.appId().equals(appId)) {
            throw new OAuthException(OAuthError.FORBIDDEN_WRONG_APP,
                    "an app may change only its own scratchpad; this token belongs to " + principal.appId());
        }
    }
}
