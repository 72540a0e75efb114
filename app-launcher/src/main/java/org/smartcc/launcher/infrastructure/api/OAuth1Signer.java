package org.smartcc.launcher.infrastructure.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a HMAC-SHA1 request signing (RFC 5849 §3), for the SMART Connect calls the launcher makes on an app's
 * behalf. The query's and a form body's parameters take part in the signature base string.
 */
public final class OAuth1Signer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    public OAuth1Signer(Clock clock) {
        this.clock = clock;
    }

    /**
     * The {@code Authorization} header for a request.
     *
     * @param url               scheme, authority and path as sent (its query is ignored: pass its parameters)
     * @param requestParameters the query's parameters and, for a form body, the body's
     */
    public String authorizationHeader(String method, URI url, List<Map.Entry<String, String>> requestParameters,
                                      String consumerKey, String consumerSecret, String token, String tokenSecret) {
        List<Map.Entry<String, String>> protocol = new ArrayList<>(List.of(
                Map.entry("oauth_consumer_key", consumerKey),
                Map.entry("oauth_nonce", HexFormat.of().formatHex(randomBytes())),
                Map.entry("oauth_signature_method", "HMAC-SHA1"),
                Map.entry("oauth_timestamp", Long.toString(clock.instant().getEpochSecond())),
                Map.entry("oauth_token", token),
                Map.entry("oauth_version", "1.0")));
        List<Map.Entry<String, String>> signed = new ArrayList<>(requestParameters);
        signed.addAll(protocol);
        protocol.add(Map.entry("oauth_signature",
                signature(baseString(method, url, signed), consumerSecret, tokenSecret)));
        return "OAuth realm=\"\", " + protocol.stream()
                .map(p -> encode(p.getKey()) + "=\"" + encode(p.getValue()) + "\"")
                .collect(Collectors.joining(", "));
    }

    /** RFC 5849 §3.4.1: method, base string URI and the normalized parameters, each percent-encoded, joined by &. */
    static String baseString(String method, URI url, List<Map.Entry<String, String>> parameters) {
        String normalized = parameters.stream()
                .map(p -> Map.entry(encode(p.getKey()), encode(p.getValue())))
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .map(p -> p.getKey() + "=" + p.getValue())
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "&" + encode(baseStringUri(url)) + "&" + encode(normalized);
    }

    /** RFC 5849 §3.4.2: HMAC-SHA1 keyed by the encoded consumer secret and token secret, Base64. */
    static String signature(String baseString, String consumerSecret, String tokenSecret) {
        String key = encode(consumerSecret) + "&" + encode(tokenSecret == null ? "" : tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every Java runtime", e);
        }
    }

    /** RFC 5849 §3.4.1.2: lower-case scheme and host, the port only when not the scheme's default. */
    static String baseStringUri(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /** RFC 5849 §3.6: every byte but the unreserved characters as %XX with upper-case hex digits. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
