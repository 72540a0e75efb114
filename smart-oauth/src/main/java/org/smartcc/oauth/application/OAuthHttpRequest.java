package org.smartcc.oauth.application;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.internal.protocol.Parameter;
import org.smartcc.oauth.internal.protocol.PercentEncoding;

/**
 * What the provider needs of an HTTP request, filled in by the web layer: the method, the absolute URL as the
 * client addressed it (scheme, host, port, path and raw query; behind a proxy the public one), the form parameters
 * of an application/x-www-form-urlencoded body (none for other bodies) and the Authorization header.
 */
public final class OAuthHttpRequest {

    private final String method;
    private final URI url;
    private final List<Parameter> queryParameters;
    private final List<Parameter> formParameters;
    private final String authorization;

    private OAuthHttpRequest(Builder builder) {
        this.method = builder.method;
        this.url = builder.url;
        this.queryParameters = PercentEncoding.formDecode(builder.url.getRawQuery())
                .orElseThrow(() -> new OAuthException(OAuthError.OAUTH_PARAMETERS_MALFORMED,
                        "the query string is not valid application/x-www-form-urlencoded UTF-8"));
        List<Parameter> form = new ArrayList<>(builder.formParameters);
        if (builder.formBody != null) {
            form.addAll(PercentEncoding.formDecode(builder.formBody)
                    .orElseThrow(() -> new OAuthException(OAuthError.OAUTH_PARAMETERS_MALFORMED,
                            "the form body is not valid application/x-www-form-urlencoded UTF-8")));
        }
        this.formParameters = List.copyOf(form);
        this.authorization = builder.authorization;
    }

    /**
     * @param method     the HTTP method
     * @param absoluteUrl e.g. {@code uriInfo.getRequestUri()}: absolute, http or https, with the raw query if any
     */
    public static Builder builder(String method, URI absoluteUrl) {
        return new Builder(method, absoluteUrl);
    }

    public static Builder builder(String method, String absoluteUrl) {
        return new Builder(method, URI.create(absoluteUrl));
    }

    /** Upper case. */
    public String method() {
        return method;
    }

    /** The absolute URL including the raw query. */
    public URI url() {
        return url;
    }

    public List<Parameter> queryParameters() {
        return queryParameters;
    }

    public List<Parameter> formParameters() {
        return formParameters;
    }

    public Optional<String> authorization() {
        return Optional.ofNullable(authorization);
    }

    /** The first value of a form or query parameter (form first, as a POST body is where clients put them). */
    public Optional<String> formOrQueryParameter(String name) {
        return Stream.concat(formParameters.stream(), queryParameters.stream())
                .filter(p -> p.name().equals(name))
                .map(Parameter::value)
                .findFirst();
    }

    @Override
    public String toString() {
        return method + " " + url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
    }

    public static final class Builder {
        private final String method;
        private final URI url;
        private final List<Parameter> formParameters = new ArrayList<>();
        private String formBody;
        private String authorization;

        private Builder(String method, URI url) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new IllegalArgumentException("an absolute http(s) URL with a host is required: " + url);
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.url = url;
        }

        /** A decoded parameter of an application/x-www-form-urlencoded body. */
        public Builder formParameter(String name, String value) {
            formParameters.add(new Parameter(name, value));
            return this;
        }

        /** The raw application/x-www-form-urlencoded body; only pass bodies of that content type. */
        public Builder formBody(String urlEncodedBody) {
            this.formBody = urlEncodedBody;
            return this;
        }

        /** The Authorization header value, or null if the request had none. */
        public Builder authorization(String header) {
            this.authorization = header;
            return this;
        }

        /** @throws OAuthException OAUTH_PARAMETERS_MALFORMED if the query or form body cannot be decoded */
        public OAuthHttpRequest build() {
            return new OAuthHttpRequest(this);
        }
    }
}
