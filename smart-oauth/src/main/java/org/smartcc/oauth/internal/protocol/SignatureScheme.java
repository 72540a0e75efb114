package org.smartcc.oauth.internal.protocol;

import java.net.URI;
import java.util.List;
import org.smartcc.oauth.domain.OAuthException;

/** RFC 5849 with HMAC-SHA1: header parsing, signature base string, signing and verification. */
public interface SignatureScheme {

    /**
     * @throws OAuthException OAUTH_HEADER_MISSING (not an OAuth header), OAUTH_HEADER_MALFORMED,
     *                        OAUTH_UNSUPPORTED_SIGNATURE_METHOD
     */
    ProtocolParameters parseAuthorization(String headerValue);

    /**
     * The signature base string (RFC 5849 §3.4.1) of a request to {@code url} (query ignored: its parameters are in
     * {@code parameters}) with all query, form and header parameters (the header's realm already dropped by the
     * parser); oauth_signature is left out here.
     */
    String baseString(String method, URI url, List<Parameter> parameters);

    String sign(String baseString, String consumerSecret, String tokenSecret);

    /** Constant-time comparison with the expected signature. */
    boolean signatureMatches(String baseString, String consumerSecret, String tokenSecret, String signature);

    /** An {@code OAuth realm="", name="value", ...} header with the values percent-encoded. */
    String authorizationHeader(List<Parameter> parameters);
}
