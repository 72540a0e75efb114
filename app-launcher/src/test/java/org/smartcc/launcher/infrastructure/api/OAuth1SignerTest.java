package org.smartcc.launcher.infrastructure.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OAuth1SignerTest {

    /** RFC 5849 §3.4.1.1: query, form body and protocol parameters, with repeated and encoded names. */
    @Test
    void theBaseStringOfRfc5849sExample() {
        List<Map.Entry<String, String>> parameters = new ArrayList<>(FormEncoding.decode(
                "b5=%3D%253D&a3=a&c%40=&a2=r%20b"));
        parameters.addAll(FormEncoding.decode("c2&a3=2+q"));
        parameters.addAll(List.of(Map.entry("oauth_consumer_key", "9djdj82h48djs9d2"),
                Map.entry("oauth_token", "kkk9d7dh3k39sjv7"), Map.entry("oauth_signature_method", "HMAC-SHA1"),
                Map.entry("oauth_timestamp", "137131201"), Map.entry("oauth_nonce", "7d8f3e4a")));

        assertEquals("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D"
                        + "%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a"
                        + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201"
                        + "%26oauth_token%3Dkkk9d7dh3k39sjv7",
                OAuth1Signer.baseString("POST", URI.create("http://example.com/request?b5=%3D%253D"), parameters));
    }

    /** RFC 5849 §1.2: the photo request signed with the printer's token gives the RFC's signature. */
    @Test
    void theSignatureOfRfc5849sPhotoRequest() {
        String baseString = OAuth1Signer.baseString("GET", URI.create("http://photos.example.net/photos"), List.of(
                Map.entry("file", "vacation.jpg"), Map.entry("size", "original"),
                Map.entry("oauth_consumer_key", "dpf43f3p2l4k3l03"), Map.entry("oauth_token", "nnch734d00sl2jdk"),
                Map.entry("oauth_signature_method", "HMAC-SHA1"), Map.entry("oauth_timestamp", "137131202"),
                Map.entry("oauth_nonce", "chapoH")));

        assertEquals("GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3D"
                + "dpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp"
                + "%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal", baseString);
        assertEquals("MdpQcU8iPSUjWoN/UDMsK2sui9I=",
                OAuth1Signer.signature(baseString, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"));
    }

    @Test
    void theBaseStringUriKeepsOnlyAPortThatIsNotTheDefault() {
        assertEquals("http://example.com/r%20v/X",
                OAuth1Signer.baseStringUri(URI.create("HTTP://EXAMPLE.COM:80/r%20v/X?id=123")));
        assertEquals("https://www.example.net:8080/",
                OAuth1Signer.baseStringUri(URI.create("https://www.example.net:8080")));
        assertEquals("https://api.example/a", OAuth1Signer.baseStringUri(URI.create("https://api.example:443/a")));
    }

    @Test
    void percentEncodingLeavesOnlyTheUnreservedCharacters() {
        assertEquals("Ladies%20%2B%20Gentlemen", OAuth1Signer.encode("Ladies + Gentlemen"));
        assertEquals("An%20encoded%20string%21", OAuth1Signer.encode("An encoded string!"));
        assertEquals("Dogs%2C%20Cats%20%26%20Mice", OAuth1Signer.encode("Dogs, Cats & Mice"));
        assertEquals("%E2%98%83-._~", OAuth1Signer.encode("\u2603-._~"));
    }

    /** The header's own parameters, with the request's, give the signature the header carries. */
    @Test
    void theHeaderCarriesASignatureOfItsOwnParameters() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
        URI url = URI.create("http://localhost:8181/records/123/medications/");
        List<Map.Entry<String, String>> query = List.of(Map.entry("limit", "5"));

        String header = new OAuth1Signer(clock).authorizationHeader("GET", url, query, "launcher", "s3cret",
                "tok", "toksecret");

        assertTrue(header.startsWith("OAuth realm=\"\", "), header);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(header);
        while (m.find()) {
            fields.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
        }
        assertEquals("launcher", fields.get("oauth_consumer_key"));
        assertEquals("tok", fields.get("oauth_token"));
        assertEquals("1700000000", fields.get("oauth_timestamp"));
        String signature = fields.remove("oauth_signature");
        fields.remove("realm");
        List<Map.Entry<String, String>> signed = new ArrayList<>(query);
        signed.addAll(fields.entrySet());
        assertEquals(OAuth1Signer.signature(OAuth1Signer.baseString("GET", url, signed), "s3cret", "toksecret"),
                signature);
    }
}
