package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.records.domain.ErrorCode;
import org.smartcc.records.domain.RecordsException;

/**
 * {@link RoutedByCallTable}: matches the record path against the ontology's calls before authentication runs, so
 * that 404 (no call has the path) and 405 with {@code Allow} (calls have it for other methods) answer before 401, as
 * they always did; the match goes to the method through {@link MatchedCall}.
 */
@RoutedByCallTable
@Priority(Priorities.AUTHENTICATION - 100)
public class CallTableRouting implements ContainerRequestFilter {

    @Inject
    ApiCallTable table;
    @Inject
    MatchedCall matched;

    @Override
    public void filter(ContainerRequestContext request) {
        String method = OAuthRequests.servedMethod(request);
        String path = LegacyPaths.current("/" + request.getUriInfo().getPath(false));
        matched.matched(table.match(method, path).orElseThrow(() -> unmatched(method, path)), path);
    }

    private RuntimeException unmatched(String method, String path) {
        Set<String> allowed = table.allowedMethods(path);
        if (allowed.isEmpty()) {
            return new RecordsException(ErrorCode.NOT_FOUND, "no SMART call at " + path);
        }
        return new WebApplicationException(Response.status(Response.Status.METHOD_NOT_ALLOWED)
                .allow(allowed).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse("METHOD_NOT_ALLOWED",
                        method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed)))
                .build());
    }
}
