package org.smartcc.api.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * The one error model: each kind answers the status the API has always answered, a refused login the challenge of its
 * scheme, and the i2b2 endpoint the texts i2b2 clients have always seen.
 */
class ErrorMappersTest {

    @Test
    void eachKindHasItsStatus() {
        Map<ErrorKind, Integer> expected = new EnumMap<>(Map.ofEntries(Map.entry(ErrorKind.INVALID_INPUT, 400),
                Map.entry(ErrorKind.UNAUTHENTICATED, 401), Map.entry(ErrorKind.FORBIDDEN, 403),
                Map.entry(ErrorKind.NOT_FOUND, 404), Map.entry(ErrorKind.NOT_ACCEPTABLE, 406),
                Map.entry(ErrorKind.CONFLICT, 409), Map.entry(ErrorKind.GONE, 410),
                Map.entry(ErrorKind.TOO_LARGE, 413), Map.entry(ErrorKind.TOO_MANY_REQUESTS, 429),
                Map.entry(ErrorKind.NOT_IMPLEMENTED, 501), Map.entry(ErrorKind.UNAVAILABLE, 503)));
        for (ErrorKind kind : ErrorKind.values()) {
            assertEquals(expected.get(kind), ErrorMappers.status(kind).getStatusCode(), kind.name());
        }
    }

    @Test
    void aRefusedLoginIsChallengedInItsOwnSchemeAndNothingElseIs() {
        assertEquals(Optional.of("OAuth realm=\"smartcc\""), ErrorMappers.challenge(
                new OAuthException(OAuthError.OAUTH_BAD_SIGNATURE, "signature does not match")));
        assertEquals(Optional.of("Basic realm=\"smartcc-cohort\""), ErrorMappers.challenge(
                CohortAuth.refused("_CREDENTIALS_WRONG", "wrong user or password")));
        assertEquals(Optional.of("Basic realm=\"smartcc-admin\""), ErrorMappers.challenge(new LoginRefused(
                "smartcc-admin", "ADMIN_CREDENTIALS_MISSING", "send HTTP Basic credentials of user 'admin'")));
        assertEquals(Optional.empty(), ErrorMappers.challenge(
                new OAuthException(OAuthError.FORBIDDEN_WRONG_RECORD, "the token is for another record")));
    }

    @Test
    void theI2b2EndpointShowsTheTextsI2b2ClientsKnow() {
        assertEquals("authentication failed: wrong domain, user or password", ErrorMappers.i2b2Text(
                CohortAuth.refused("_CREDENTIALS_MISSING", "the message has no message_header/security element")));
        assertEquals("LOCKEDOUT: run again later", ErrorMappers.i2b2Text(new CodedException(
                ErrorKind.TOO_MANY_REQUESTS, "PRIVACY_LOCKED_OUT", "run again later")));
        assertEquals("BODY_TOO_LARGE: at most 10 bytes", ErrorMappers.i2b2Text(new CodedException(
                ErrorKind.TOO_LARGE, "BODY_TOO_LARGE", "at most 10 bytes")));
        assertEquals("query_definition: is missing", ErrorMappers.i2b2Text(new CodedException(
                ErrorKind.INVALID_INPUT, "QUERY_DEFINITION_INVALID", "query_definition: is missing")));
    }
}
