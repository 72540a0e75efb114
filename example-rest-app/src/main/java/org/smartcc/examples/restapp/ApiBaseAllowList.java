package org.smartcc.examples.restapp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The containers this app talks to. The launch URL's {@code api_base} comes from the browser, and the app fetches
 * {@code <api_base>/manifest} and then the URLs that manifest names, so an unchecked {@code api_base} would make the
 * app an open fetcher (and would send its signed requests to anyone). Bases are compared in a normal form: scheme and
 * host in lower case, the scheme's default port left out, no trailing slash.
 */
public final class ApiBaseAllowList {

    private final List<String> allowed;

    private ApiBaseAllowList(List<String> allowed) {
        this.allowed = allowed;
    }

    /** @throws IllegalArgumentException naming a configured base that is not an http(s) URL */
    public static ApiBaseAllowList of(List<String> bases) {
        return new ApiBaseAllowList(bases.stream().map(String::trim).filter(b -> !b.isEmpty())
                .map(base -> normal(base).orElseThrow(() -> new IllegalArgumentException(
                        "not an http(s) URL without query, fragment or user info: " + base)))
                .distinct().toList());
    }

    /** The allowed base, in its normal form, that {@code apiBase} names; empty when it names none. */
    public Optional<String> match(String apiBase) {
        return Optional.ofNullable(apiBase).flatMap(ApiBaseAllowList::normal).filter(allowed::contains);
    }

    public List<String> allowed() {
        return allowed;
    }

    private static Optional<String> normal(String base) {
        URI uri;
        try {
            uri = new URI(base);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        int defaultPort = scheme.equals("http") ? 80 : 443;
        String port = uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
        String path = Objects.requireNonNullElse(uri.getRawPath(), "").replaceAll("/+$", "");
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path);
    }
}
