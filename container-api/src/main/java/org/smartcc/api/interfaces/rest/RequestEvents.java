package org.smartcc.api.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.smartcc.api.infrastructure.OperationMetrics;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.store.domain.ErrorKind;

/**
 * Every request once it is answered: a request id ({@code X-Request-Id}, the caller's if it is a plain token, else a
 * new one, echoed in the answer), one log event with the id, method, endpoint template, status and time, and the
 * metrics (requests by endpoint and status, OAuth failures by code, export bytes; tokens are counted by
 * {@link org.smartcc.api.infrastructure.TokenMetrics} as the provider mints and revokes them). The event names the
 * endpoint's template, never the path as sent, which may carry a record id or a token; it logs no header, parameter
 * or body.
 */
@PreMatching
public class RequestEvents implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger("org.smartcc.api.requests");
    private static final Pattern GIVEN_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final String STARTED = RequestEvents.class.getName() + ".started";
    private static final String ID = RequestEvents.class.getName() + ".id";
    /** The codes of failed OAuth checks: an unauthenticated or forbidden principal. */
    private static final Set<String> OAUTH_FAILURES = Arrays.stream(OAuthError.values())
            .filter(e -> e.kind() == ErrorKind.UNAUTHENTICATED || e.kind() == ErrorKind.FORBIDDEN)
            .map(Enum::name).collect(Collectors.toUnmodifiableSet());
    private static final String EXPORT_FILE_ROUTE = "GET /cohort/exports/{export_id}/files/{n}";

    @Inject
    OperationMetrics metrics;
    @Inject
    MatchedCall matched;
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        String given = request.getHeaderString(HEADER);
        request.setProperty(ID, given != null && GIVEN_ID.matcher(given).matches() ? given
                : UUID.randomUUID().toString());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(ID);
        Object started = request.getProperty(STARTED);
        if (id == null || started == null) {
            return; // answered before this filter saw the request
        }
        Duration took = Duration.ofNanos(System.nanoTime() - (Long) started);
        String method = request.getMethod();
        String endpoint = endpoint();
        int status = response.getStatus();
        response.getHeaders().putSingle(HEADER, id);
        metrics.request(method, endpoint, status, took);
        count(method + " " + endpoint, response);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("requestId", id);
        event.put("method", method);
        event.put("endpoint", endpoint);
        event.put("status", status);
        event.put("millis", took.toMillis());
        LOG.log(Level.INFO, "request " + id + ": " + method + " " + endpoint + " " + status + " in "
                + took.toMillis() + " ms", new Object[]{event});
    }

    /** The template of the matched resource method or ontology call; {@code unmatched} when nothing matched. */
    private String endpoint() {
        if (resource.getResourceMethod() == null) {
            return "unmatched";
        }
        if (ResourceRoutes.routedByCallTable(resource.getResourceClass(), resource.getResourceMethod())) {
            return matched.template().orElse("unmatched");
        }
        return ResourceRoutes.template(resource.getResourceClass(), resource.getResourceMethod());
    }

    private void count(String route, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity instanceof ErrorResponse error && OAUTH_FAILURES.contains(error.code())) {
            metrics.oauthFailure(error.code());
        }
        if (response.getStatus() / 100 != 2) {
            return;
        }
        if (route.equals(EXPORT_FILE_ROUTE) && response.getMediaType() != null) {
            String length = response.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                metrics.exportBytes(response.getMediaType().toString(), Long.parseLong(length));
            }
        }
    }
}
