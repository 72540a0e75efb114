package org.smartcc.oauth.application;

import java.util.Optional;
import org.smartcc.oauth.domain.OAuthPrincipal;
import org.smartcc.oauth.internal.protocol.ProtocolParameters;

/** A request whose signature checked out, with its parsed OAuth header. */
record VerifiedRequest(OAuthPrincipal principal, ProtocolParameters protocol, OAuthHttpRequest request) {

    /**
     * A parameter from the OAuth header, else the form body or query: {@code smart_record_id}, {@code oauth_verifier}
     * and {@code oauth_callback} are sent in any of these by real clients (spec §4.1).
     */
    Optional<String> parameter(String name) {
        return protocol.get(name).or(() -> request.formOrQueryParameter(name));
    }
}
