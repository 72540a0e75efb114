package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.domain.OAuthPrincipal;

/**
 * {@link SignedByApp}: verifies the OAuth 1.0a signature (which also spends the nonce) and hands the app and token to
 * the method through {@link Caller}; failures answer 401 {@code OAUTH_*}. A form-encoded body of a POST or PUT is
 * signed too (RFC 5849 §3.4.1.3): it is read here, under the body's size limit, and put back for the method.
 */
@SignedByApp
@Priority(Priorities.AUTHENTICATION)
public class SignedByAppFilter implements ContainerRequestFilter {

    /** Through a provider: JAX-RS creates its filters as it starts, before start-up has opened the store. */
    @Inject
    Provider<OAuthProvider> provider;
    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        caller.signedBy(verified(request, provider.get()));
    }

    /** The app (and token) whose signature the request carries, or the refusal; shared with {@link CohortUserOrAppFilter}. */
    static OAuthPrincipal verified(ContainerRequestContext request, OAuthProvider provider) throws IOException {
        return provider.verify(OAuthRequests.of(request, formBody(request)));
    }

    /** The body when it holds signed parameters, else null; GET and DELETE bodies never counted. */
    private static String formBody(ContainerRequestContext request) throws IOException {
        String method = OAuthRequests.servedMethod(request);
        MediaType type = request.getMediaType();
        if (!("POST".equals(method) || "PUT".equals(method)) || !request.hasEntity() || type == null
                || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return null;
        }
        byte[] body = BodySizeLimit.limited(request).readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        return new String(body, StandardCharsets.UTF_8);
    }
}
