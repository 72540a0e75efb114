package org.smartcc.oauth.internal.rfc5849;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.smartcc.oauth.internal.protocol.Parameter;
import org.smartcc.oauth.internal.protocol.PercentEncoding;
import org.smartcc.oauth.internal.protocol.ProtocolParameters;

/** The signature base string of RFC 5849 §3.4.1. */
final class SignatureBaseString {

    private SignatureBaseString() {
    }

    static String of(String method, URI url, List<Parameter> parameters) {
        return PercentEncoding.encode(method.toUpperCase(Locale.ROOT)) + "&"
                + PercentEncoding.encode(baseStringUri(url)) + "&"
                + PercentEncoding.encode(normalizedParameters(parameters));
    }

    /** §3.4.1.2: lower-case scheme and host, default port left out, path as sent, no query or fragment. */
    static String baseStringUri(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
    }

    /**
     * §3.4.1.3.2: every parameter but oauth_signature, names and values encoded, sorted by encoded name and then
     * encoded value (plain string order is byte order here, as encoded strings are ASCII).
     */
    static String normalizedParameters(List<Parameter> parameters) {
        return parameters.stream()
                .filter(p -> !p.name().equals(ProtocolParameters.SIGNATURE))
                .map(p -> new String[] {PercentEncoding.encode(p.name()), PercentEncoding.encode(p.value())})
                .sorted(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]))
                .map(p -> p[0] + "=" + p[1])
                .collect(Collectors.joining("&"));
    }
}
