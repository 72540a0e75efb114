package org.smartcc.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.Verb;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartcc.oauth.application.LaunchCredentials;
import org.smartcc.oauth.application.OAuthHttpRequest;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.oauth.domain.TokenKind;

/** Requests signed by ScribeJava verify, with parameters in the query, the form body and the header. */
class SignatureInteropTest {

    @TempDir
    Path dir;
    TestContainer container;
    LaunchCredentials alice;

    @BeforeEach
    void open() {
        container = new TestContainer(dir);
        alice = container.launchRestApp(TestContainer.ALICE, "1001");
    }

    @AfterEach
    void close() {
        container.close();
    }

    @Test
    void threeLeggedGetWithQueryParametersVerifies() {
        ScribeClient.Signed signed = container.restClient().sign(Verb.GET,
                TestContainer.recordUrl("1001", "/medications/?limit=10&offset=0"), alice.restToken(),
                alice.restSecret());

        OAuthPrincipal principal = container.module.provider().verify(signed.toProvider());

        assertEquals(TestContainer.REST_APP, principal.appId());
        assertEquals(TokenKind.ACCESS, principal.tokenKind().orElseThrow());
        assertEquals("1001", principal.recordId().orElseThrow());
        assertEquals(TestContainer.ALICE, principal.userId().orElseThrow());
        container.module.provider().requireRecord(principal, "1001");
    }

    @Test
    void formParametersAreSigned() {
        ScribeClient.Signed signed = container.restClient().sign(Verb.POST,
                TestContainer.recordUrl("1001", "/clinical_notes/"), alice.restToken(), alice.restSecret(),
                r -> r.addBodyParameter("note", "seen today"));
        assertEquals("1001", container.module.provider().verify(signed.toProvider()).recordId().orElseThrow());

        ScribeClient.Signed again = container.restClient().sign(Verb.POST,
                TestContainer.recordUrl("1001", "/clinical_notes/"), alice.restToken(), alice.restSecret(),
                r -> r.addBodyParameter("note", "seen today"));
        OAuthHttpRequest tampered = OAuthHttpRequest.builder("POST", again.request().getCompleteUrl())
                .authorization(again.authorization())
                .formBody("note=seen+yesterday")
                .build();
        OAuthException e = assertThrows(OAuthException.class, () -> container.module.provider().verify(tampered));
        assertEquals(OAuthError.OAUTH_BAD_SIGNATURE, e.error());
    }

    static Stream<String[]> awkwardValues() {
        return Stream.of(
                new String[] {"q", "two words"},
                new String[] {"q", "a+b=c&d"},
                new String[] {"q", "~tilde-dot._"},
                new String[] {"q", "ünïcødé € 日本語"},
                new String[] {"q", "!*'();:@$,/?#%"},
                new String[] {"we ird~name", "x"},
                new String[] {"empty", ""});
    }

    @ParameterizedTest
    @MethodSource("awkwardValues")
    void percentEncodingEdgeCasesVerifyInQueryAndBody(String name, String value) {
        ScribeClient.Signed inQuery = container.restClient().sign(Verb.GET,
                TestContainer.recordUrl("1001", "/problems/"), alice.restToken(), alice.restSecret(),
                r -> r.addQuerystringParameter(name, value));
        assertEquals(TestContainer.REST_APP, container.module.provider().verify(inQuery.toProvider()).appId());

        ScribeClient.Signed inBody = container.restClient().sign(Verb.PUT,
                TestContainer.recordUrl("1001", "/problems/"), alice.restToken(), alice.restSecret(),
                r -> r.addBodyParameter(name, value));
        assertEquals(TestContainer.REST_APP, container.module.provider().verify(inBody.toProvider()).appId());
    }

    @Test
    void repeatedParametersAcrossQueryAndBodyVerify() {
        ScribeClient.Signed signed = container.restClient().sign(Verb.POST,
                TestContainer.recordUrl("1001", "/search?code=b&code=a"), alice.restToken(), alice.restSecret(),
                r -> {
                    r.addQuerystringParameter("code", "c");
                    r.addBodyParameter("code", "a");
                    r.addBodyParameter("code", "a b");
                });
        assertEquals(TestContainer.REST_APP, container.module.provider().verify(signed.toProvider()).appId());
    }

    @Test
    void explicitDefaultPortAndEncodedPathVerify() {
        ScribeClient.Signed defaultPort = container.restClient().sign(Verb.GET,
                "http://api.test:80/smart/records/1001/demographics", alice.restToken(), alice.restSecret());
        assertEquals(TestContainer.REST_APP, container.module.provider().verify(defaultPort.toProvider()).appId());

        ScribeClient.Signed encodedPath = container.restClient().sign(Verb.GET,
                TestContainer.API_BASE + "/accounts/alice%40test.org/apps/rest-app%40apps.test/preferences",
                alice.restToken(), alice.restSecret());
        OAuthPrincipal principal = container.module.provider().verify(encodedPath.toProvider());
        container.module.provider().requireUser(principal, TestContainer.ALICE, TestContainer.REST_APP);
    }

    @Test
    void debugBaseStringEqualsTheClientLibrarysBaseString() {
        ScribeClient.Signed signed = container.restClient().sign(Verb.POST,
                TestContainer.recordUrl("1001", "/scratchpad?x=%C3%BC+1&y=~"), alice.restToken(), alice.restSecret(),
                r -> r.addBodyParameter("data", "a&b=c d"));

        assertEquals(signed.clientBaseString(), container.module.provider().debugBaseString(signed.toProvider()));
    }

    @Test
    void signatureWithUnencodedBase64CharactersIsAccepted() {
        // the SMART Python client (python-oauth2) sends '+' and '/' of the signature unencoded (spec §4.5 example)
        ScribeClient.Signed signed = null;
        for (int attempt = 0; attempt < 200 && signed == null; attempt++) {
            ScribeClient.Signed candidate = container.restClient().sign(Verb.GET,
                    TestContainer.recordUrl("1001", "/allergies/"), alice.restToken(), alice.restSecret());
            if (candidate.authorization().matches(".*oauth_signature=\"[^\"]*%2[BF].*")) {
                signed = candidate;
            }
        }
        assertNotNull(signed, "no signature with '+' or '/' in 200 attempts");
        String sloppy = signed.authorization().replaceAll("(oauth_signature=\"[^\"]*)%2B", "$1+")
                .replaceAll("(oauth_signature=\"[^\"]*)%2F", "$1/");
        OAuthHttpRequest request = OAuthHttpRequest.builder("GET", signed.request().getCompleteUrl())
                .authorization(sloppy)
                .build();

        assertTrue(container.module.provider().verify(request).recordId().isPresent());
    }
}
