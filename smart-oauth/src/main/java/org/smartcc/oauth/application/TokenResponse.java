package org.smartcc.oauth.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smartcc.oauth.internal.protocol.Parameter;
import org.smartcc.oauth.internal.protocol.PercentEncoding;

/**
 * A token and secret handed to an app, with the extra response parameters of its endpoint; the web layer answers
 * with {@link #formEncoded()} as {@code application/x-www-form-urlencoded}.
 */
public final class TokenResponse {

    private final List<Parameter> parameters;

    TokenResponse(String token, String secret, List<Parameter> extra) {
        List<Parameter> all = new ArrayList<>();
        all.add(new Parameter("oauth_token", token));
        all.add(new Parameter("oauth_token_secret", secret));
        all.addAll(extra);
        this.parameters = List.copyOf(all);
    }

    public String token() {
        return parameter("oauth_token").orElseThrow();
    }

    public String tokenSecret() {
        return parameter("oauth_token_secret").orElseThrow();
    }

    public Optional<String> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst();
    }

    /** e.g. {@code oauth_token=...&oauth_token_secret=...&record_id=...&user_id=...} */
    public String formEncoded() {
        return PercentEncoding.formEncode(parameters);
    }

    @Override
    public String toString() {
        return "TokenResponse" + parameters.stream().map(Parameter::name).toList();
    }
}
