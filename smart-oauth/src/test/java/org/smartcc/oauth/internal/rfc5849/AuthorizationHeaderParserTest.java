package org.smartcc.oauth.internal.rfc5849;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.internal.protocol.ProtocolParameters;
import org.smartcc.store.domain.ErrorKind;

class AuthorizationHeaderParserTest {

    static final String REQUIRED = "oauth_consumer_key=\"app%40apps.test\", oauth_signature_method=\"HMAC-SHA1\", "
            + "oauth_signature=\"abc%2B%2F%3D\", oauth_timestamp=\"1305921820\", oauth_nonce=\"n1\"";

    private final AuthorizationHeaderParser parser = new AuthorizationHeaderParser();

    @Test
    void parsesTheSpecsLegacyHeaderStyle() {
        ProtocolParameters p = parser.parse("OAuth realm=\"\", smart_record_id=\"1768562\", smart_user_id="
                + "\"joshmandel%40smart.org\", oauth_signature=\"QMVJcONlB/O53UUNTpkySuvT+Og%3D\", oauth_nonce="
                + "\"YiAs73cBx7QSO69bpLvh\", oauth_timestamp=\"1305921820\", oauth_signature_method=\"HMAC-SHA1\", "
                + "oauth_version=\"1.0\", oauth_consumer_key=\"problem-list%40apps.smartplatforms.org\"");

        assertEquals("problem-list@apps.smartplatforms.org", p.consumerKey());
        assertEquals("QMVJcONlB/O53UUNTpkySuvT+Og=", p.signature());
        assertEquals("joshmandel@smart.org", p.get("smart_user_id").orElseThrow());
        assertEquals(1305921820L, p.timestamp());
        assertTrue(p.token().isEmpty());
        assertFalse(p.get("realm").isPresent());
    }

    @Test
    void toleratesCaseWhitespaceEmptyElementsUnquotedValuesEscapesAndEmptyToken() {
        ProtocolParameters p = parser.parse("  oauth\t" + REQUIRED + " ,, oauth_token=\"\", oauth_version=1.0,"
                + " x=\"a\\\"b\",");
        assertEquals("a\"b", p.get("x").orElseThrow());
        assertTrue(p.token().isEmpty());
        assertEquals("abc+/=", p.signature());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Basic dXNlcjpwYXNz|OAUTH_HEADER_MISSING|OAuth scheme",
        "'   '|OAUTH_HEADER_MISSING|empty",
        "OAuth|OAUTH_HEADER_MALFORMED|oauth_consumer_key is missing",
        "OAuth oauth_consumer_key=\"a\", oauth_consumer_key=\"b\"|OAUTH_HEADER_MALFORMED|appears more than once",
        "OAuth oauth_consumer_key=\"a|OAUTH_HEADER_MALFORMED|not closed",
        "OAuth oauth_consumer_key|OAUTH_HEADER_MALFORMED|has no '='",
        "OAuth oauth_consumer_key=\"a\" oauth_nonce=\"b\"|OAUTH_HEADER_MALFORMED|expected ','",
        "OAuth oauth_consumer_key=\"%E2%82\"|OAUTH_HEADER_MALFORMED|invalid percent-encoding",
        "OAuth oauth_consumer_key=\"%0A\"|OAUTH_HEADER_MALFORMED|control characters",
        "OAuth =\"x\"|OAUTH_HEADER_MALFORMED|expected a parameter name",
        "OAuth,oauth_nonce=\"x\"|OAUTH_HEADER_MALFORMED|followed by a space",
    })
    void malformedHeaders(String header, OAuthError error, String message) {
        OAuthException e = assertThrows(OAuthException.class, () -> parser.parse(header.replace("'", "")));
        assertEquals(error, e.error());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "oauth_timestamp=\"1305921820\"|oauth_timestamp=\"-5\"|oauth_timestamp",
        "oauth_timestamp=\"1305921820\"|oauth_timestamp=\"9999999999999999999\"|oauth_timestamp",
        "oauth_nonce=\"n1\"|oauth_nonce=\"\"|oauth_nonce",
        "oauth_signature=\"abc%2B%2F%3D\"|oauth_signature=\"\"|oauth_signature",
        "oauth_nonce=\"n1\"|oauth_nonce=\"n1\", oauth_version=\"2.0\"|oauth_version",
    })
    void invalidProtocolValues(String valid, String invalid, String named) {
        OAuthException e = assertThrows(OAuthException.class,
                () -> parser.parse("OAuth " + REQUIRED.replace(valid, invalid)));
        assertEquals(OAuthError.OAUTH_HEADER_MALFORMED, e.error());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void overlongNonceAndHeaderAreRefused() {
        String nonce = "n".repeat(AuthorizationHeaderParser.MAX_NONCE_LENGTH + 1);
        assertEquals(OAuthError.OAUTH_HEADER_MALFORMED, assertThrows(OAuthException.class,
                () -> parser.parse("OAuth " + REQUIRED.replace("\"n1\"", "\"" + nonce + "\""))).error());
        String huge = "OAuth " + REQUIRED + ", x=\"" + "a".repeat(AuthorizationHeaderParser.MAX_HEADER_LENGTH) + "\"";
        assertEquals(OAuthError.OAUTH_HEADER_MALFORMED, assertThrows(OAuthException.class, () -> parser.parse(huge))
                .error());
    }

    @Test
    void onlyHmacSha1IsSupported() {
        OAuthException e = assertThrows(OAuthException.class,
                () -> parser.parse("OAuth " + REQUIRED.replace("HMAC-SHA1", "RSA-SHA1")));
        assertEquals(OAuthError.OAUTH_UNSUPPORTED_SIGNATURE_METHOD, e.error());
        assertEquals(ErrorKind.UNAUTHENTICATED, e.kind());
    }
}
