package org.smartcc.api.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import org.smartcc.api.domain.AppData;
import org.smartcc.api.domain.AppDataKind;
import org.smartcc.api.infrastructure.ContainerSettings;
import org.smartcc.api.infrastructure.StoreResources;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.OAuthPrincipal;

/**
 * What the preferences and scratchpad endpoints share (smart-classic §2.6): opaque bytes returned with the content
 * type they were stored with, and the OAuth checks.
 */
abstract class AppDataEndpoint {

    @Inject
    StoreResources resources;
    @Inject
    ContainerSettings settings;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    Response read(AppDataKind kind, String owner, String appId) {
        return resources.appData().find(kind, owner, appId)
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
        resources.appData().put(kind, owner, appId, new AppData(contentType, body));
        return Response.ok(body, contentType).build();
    }

    Response delete(AppDataKind kind, String owner, String appId) {
        resources.appData().delete(kind, owner, appId);
        return Response.ok("ok", MediaType.TEXT_PLAIN).build();
    }

    void requireUser(String method, String userId, String appId) {
        requireUser(method, userId, appId, new byte[0]);
    }

    void requireUser(String method, String userId, String appId, byte[] body) {
        OAuthProvider provider = resources.oauth().provider();
        provider.requireUser(verify(provider, method, body), userId, appId);
    }

    OAuthPrincipal requireRecord(String method, String recordId, byte[] body) {
        OAuthProvider provider = resources.oauth().provider();
        OAuthPrincipal principal = verify(provider, method, body);
        provider.requireRecord(principal, recordId);
        return principal;
    }

    private OAuthPrincipal verify(OAuthProvider provider, String method, byte[] body) {
        return provider.verify(OAuthRequests.of(method, uri, headers, new String(body, StandardCharsets.UTF_8)));
    }

    static void requireOwnApp(OAuthPrincipal principal, String appId) {
        if (!principal.appId().equals(appId)) {
            throw new OAuthException(OAuthError.FORBIDDEN_WRONG_APP,
                    "an app may change only its own scratchpad; this token belongs to " + principal.appId());
        }
    }
}
