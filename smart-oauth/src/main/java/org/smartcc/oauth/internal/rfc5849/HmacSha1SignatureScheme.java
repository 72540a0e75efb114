package org.smartcc.oauth.internal.rfc5849;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.smartcc.oauth.internal.protocol.Parameter;
import org.smartcc.oauth.internal.protocol.PercentEncoding;
import org.smartcc.oauth.internal.protocol.ProtocolParameters;
import org.smartcc.oauth.internal.protocol.SignatureScheme;

/** RFC 5849 with the HMAC-SHA1 signature method (§3.4.2), the only one SMART uses. */
public final class HmacSha1SignatureScheme implements SignatureScheme {

    private static final String ALGORITHM = "HmacSHA1";

    private final AuthorizationHeaderParser parser = new AuthorizationHeaderParser();

    @Override
    public ProtocolParameters parseAuthorization(String headerValue) {
        return parser.parse(headerValue);
    }

    @Override
    public String baseString(String method, URI url, List<Parameter> parameters) {
        return SignatureBaseString.of(method, url, parameters);
    }

    @Override
    public String sign(String baseString, String consumerSecret, String tokenSecret) {
        return Base64.getEncoder().encodeToString(hmac(baseString, consumerSecret, tokenSecret));
    }

    @Override
    public boolean signatureMatches(String baseString, String consumerSecret, String tokenSecret, String signature) {
        byte[] expected = sign(baseString, consumerSecret, tokenSecret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String authorizationHeader(List<Parameter> parameters) {
        return "OAuth realm=\"\", " + parameters.stream()
                .map(p -> PercentEncoding.encode(p.name()) + "=\"" + PercentEncoding.encode(p.value()) + "\"")
                .collect(Collectors.joining(", "));
    }

    /** §3.4.2: the key is the encoded consumer secret and the encoded token secret joined by '&'. */
    private static byte[] hmac(String baseString, String consumerSecret, String tokenSecret) {
        String key = PercentEncoding.encode(consumerSecret) + "&" + PercentEncoding.encode(tokenSecret);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
