package org.smartcc.oauth.internal.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The decoded parameters of an {@code Authorization: OAuth ...} header, realm excluded. The parser guarantees
 * unique names, the required protocol parameters, a numeric timestamp and a supported signature method.
 */
public final class ProtocolParameters {

    public static final String CONSUMER_KEY = "oauth_consumer_key";
    public static final String TOKEN = "oauth_token";
    public static final String SIGNATURE_METHOD = "oauth_signature_method";
    public static final String SIGNATURE = "oauth_signature";
    public static final String TIMESTAMP = "oauth_timestamp";
    public static final String NONCE = "oauth_nonce";
    public static final String VERSION = "oauth_version";
    public static final String CALLBACK = "oauth_callback";
    public static final String VERIFIER = "oauth_verifier";

    private final List<Parameter> parameters;
    private final Map<String, String> byName;

    public ProtocolParameters(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        this.byName = parameters.stream().collect(Collectors.toMap(Parameter::name, Parameter::value));
    }

    /** All header parameters except realm, oauth_signature included, in header order. */
    public List<Parameter> all() {
        return parameters;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public String consumerKey() {
        return byName.get(CONSUMER_KEY);
    }

    /** The token; an empty {@code oauth_token=""} (sent by some 2-legged clients) counts as none. */
    public Optional<String> token() {
        return get(TOKEN).filter(Predicate.not(String::isEmpty));
    }

    public String signature() {
        return byName.get(SIGNATURE);
    }

    public long timestamp() {
        return Long.parseLong(byName.get(TIMESTAMP));
    }

    public String nonce() {
        return byName.get(NONCE);
    }

    @Override
    public String toString() {
        return "ProtocolParameters" + parameters.stream().map(Parameter::name).toList();
    }
}
