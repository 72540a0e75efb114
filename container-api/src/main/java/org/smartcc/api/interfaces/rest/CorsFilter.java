package org.smartcc.api.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.smartcc.api.infrastructure.ContainerSettings;

/**
 * CORS for apps served from other origins (smart-classic §2.1): preflights are answered before any resource is
 * matched, with the reference container's methods, headers and max-age; every answer names the allowed origin.
 * Requests are signed with OAuth headers, not cookies, so credentials are never allowed. The i2b2 cells, which take
 * passwords in their messages, have their own list of origins ({@code smartcc.i2b2.cors.origins}, none by default),
 * for i2b2 web clients served from another origin.
 */
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ALLOW_METHODS = "POST, GET, PUT, DELETE";
    static final String ALLOW_HEADERS = "authorization,x-requested-with,content-type";

    @Inject
    ContainerSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            request.abortWith(Response.ok()
                    .header("Access-Control-Allow-Methods", ALLOW_METHODS)
                    .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
                    .header("Access-Control-Max-Age", "60")
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return;
        }
        boolean cell = I2b2Cells.isCellPath(request.getUriInfo().getPath());
        String allowed = (cell ? settings.i2b2CorsOrigins() : settings.corsOrigins()).trim();
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (allowed.equals("*")) {
            headers.putSingle("Access-Control-Allow-Origin", "*");
        } else if (allows(origins(allowed), origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.add("Vary", "Origin");
        } else {
            return;
        }
        headers.putSingle("Access-Control-Expose-Headers", "Content-Type, Location, WWW-Authenticate");
    }

    /** Whether an origin is listed, as it is or by a listed {@code scheme://host:*}. */
    static boolean allows(Set<String> listed, String origin) {
        if (listed.contains(origin)) {
            return true;
        }
        int colon = origin.lastIndexOf(':');
        return colon > origin.indexOf("://") + 2 && origin.substring(colon + 1).matches("\\d{1,5}")
                && listed.contains(origin.substring(0, colon) + ":*");
    }

    static Set<String> origins(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
