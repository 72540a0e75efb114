package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.smartcc.oauth.application.OAuthHttpRequest;

/**
 * Builds the provider's view of a request: the URL as the client addressed it, the Authorization header, and the
 * body's parameters when (and only when) it is form-encoded, as RFC 5849 §3.4.1.3 requires.
 */
final class OAuthRequests {

    private OAuthRequests() {
    }

    static OAuthHttpRequest of(String method, UriInfo uri, HttpHeaders headers, String body) {
        OAuthHttpRequest.Builder request = OAuthHttpRequest.builder(method, uri.getRequestUri());
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            request.authorization(authorization);
        }
        MediaType type = headers.getMediaType();
        if (body != null && !body.isEmpty() && type != null
                && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            request.formBody(body);
        }
        return request.build();
    }

    static OAuthHttpRequest of(String method, UriInfo uri, HttpHeaders headers) {
        return of(method, uri, headers, null);
    }
}
