package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.smartcc.oauth.application.OAuthHttpRequest;

/**
 * Builds the provider's view of a request: the URL as the client addressed it, the Authorization header, and the
 * body's parameters when (and only when) it is form-encoded, as RFC 5849 §3.4.1.3 requires.
 */
final class OAuthRequests {

    private OAuthRequests() {
    }

    static OAuthHttpRequest of(String method, UriInfo uri, HttpHeaders headers, String body) {
        return of(method, uri.getRequestUri(), headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                headers.getMediaType(), body);
    }

    static OAuthHttpRequest of(String method, UriInfo uri, HttpHeaders headers) {
        return of(method, uri, headers, null);
    }

    /** The same from a filter, with the method the resource method serves. */
    static OAuthHttpRequest of(ContainerRequestContext request, String body) {
        return of(servedMethod(request), request.getUriInfo().getRequestUri(),
                request.getHeaderString(HttpHeaders.AUTHORIZATION), request.getMediaType(), body);
    }

    /** JAX-RS answers HEAD with the GET method, and the resources always named their method, so HEAD counts as GET. */
    static String servedMethod(ContainerRequestContext request) {
        return "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
    }

    private static OAuthHttpRequest of(String method, URI url, String authorization, MediaType type, String body) {
        OAuthHttpRequest.Builder request = OAuthHttpRequest.builder(method, url);
        if (authorization != null) {
            request.authorization(authorization);
        }
        if (body != null && !body.isEmpty() && type != null
                && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            request.formBody(body);
        }
        return request.build();
    }
}
