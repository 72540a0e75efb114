package org.smartcc.oauth.internal.rfc5849;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcc.oauth.application.OAuthHttpRequest;
import org.smartcc.oauth.internal.protocol.Parameter;
import org.smartcc.oauth.internal.protocol.ProtocolParameters;

/** Known answers from the specifications. */
class HmacSha1SignatureSchemeTest {

    private final HmacSha1SignatureScheme scheme = new HmacSha1SignatureScheme();

    /** RFC 5849 §3.4.1.1: the base string example, with query, form body, realm and a repeated name. */
    @Test
    void rfc5849BaseStringExample() {
        OAuthHttpRequest request = OAuthHttpRequest
                .builder("POST", "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b")
                .formBody("c2&a3=2+q")
                .authorization("OAuth realm=\"Example\", oauth_consumer_key=\"9djdj82h48djs9d2\", "
                        + "oauth_token=\"kkk9d7dh3k39sjv7\", oauth_signature_method=\"HMAC-SHA1\", "
                        + "oauth_timestamp=\"137131201\", oauth_nonce=\"7d8f3e4a\", "
                        + "oauth_signature=\"bYT5CMsGcbgUdFHObYMEfcx6bsw%3D\"")
                .build();
        ProtocolParameters protocol = scheme.parseAuthorization(request.authorization().orElseThrow());
        List<Parameter> all = new ArrayList<>(protocol.all());
        all.addAll(request.queryParameters());
        all.addAll(request.formParameters());

        assertEquals("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D"
                + "%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26"
                + "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
                scheme.baseString(request.method(), request.url(), all));
    }

    /** OAuth Core 1.0 Appendix A.5: the photos.example.net request and its HMAC-SHA1 signature. */
    @Test
    void oauthCoreAppendixSignature() {
        List<Parameter> parameters = List.of(
                new Parameter("file", "vacation.jpg"), new Parameter("size", "original"),
                new Parameter("oauth_consumer_key", "dpf43f3p2l4k3l03"),
                new Parameter("oauth_token", "nnch734d00sl2jdk"),
                new Parameter("oauth_signature_method", "HMAC-SHA1"), new Parameter("oauth_timestamp", "1191242096"),
                new Parameter("oauth_nonce", "kllo9940pd9333jh"), new Parameter("oauth_version", "1.0"));
        String baseString = scheme.baseString("GET", URI.create("http://photos.example.net/photos"), parameters);

        assertEquals("GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3D"
                + "dpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26"
                + "oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0"
                + "%26size%3Doriginal",
                baseString);
        assertEquals("tR3+Ty81lMeYAr/Fid0kMTYa/WM=", scheme.sign(baseString, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"));
        assertTrue(scheme.signatureMatches(baseString, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00",
                "tR3+Ty81lMeYAr/Fid0kMTYa/WM="));
        assertFalse(scheme.signatureMatches(baseString, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00",
                "tR3+Ty81lMeYAr/Fid0kMTYa/WN="));
        assertFalse(scheme.signatureMatches(baseString, "kd94hf93k423kf44", "", "tR3+Ty81lMeYAr/Fid0kMTYa/WM="));
    }

    @Test
    void baseStringUriNormalisation() {
        assertEquals("http://example.com/r%20v/X", SignatureBaseString.baseStringUri(
                URI.create("HTTP://EXAMPLE.COM:80/r%20v/X?id=123")));
        assertEquals("https://www.example.net:8080/",
                SignatureBaseString.baseStringUri(URI.create("https://www.example.net:8080?q=1")));
        assertEquals("https://api.test/x", SignatureBaseString.baseStringUri(URI.create("https://api.test:443/x")));
    }

    @Test
    void headerValuesArePercentEncoded() {
        assertEquals("OAuth realm=\"\", smart_user_id=\"a%40b.org\", smart_container_api_base=\"http%3A%2F%2Fh%2Fx\"",
                scheme.authorizationHeader(List.of(new Parameter("smart_user_id", "a@b.org"),
                        new Parameter("smart_container_api_base", "http://h/x"))));
    }
}
