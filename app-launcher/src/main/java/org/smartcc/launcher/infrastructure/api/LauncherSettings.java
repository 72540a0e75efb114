package org.smartcc.launcher.infrastructure.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The launcher's configuration (docs/configuration.md, "The launcher's keys"); defaults in its own properties file. */
@ApplicationScoped
public class LauncherSettings {

    @Inject
    @ConfigProperty(name = "smartcc.launcher.api-url")
    String apiUrl;

    @Inject
    @ConfigProperty(name = "smartcc.launcher.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "smartcc.public-url")
    String publicUrl;

    /** Where the launcher reaches the API server, without a trailing slash. */
    public String apiUrl() {
        return withoutTrailingSlash(apiUrl);
    }

    /** The launcher's password for the API server's launcher calls; empty while unset. */
    public Optional<String> secret() {
        return secret.filter(s -> !s.isBlank());
    }

    /** The {@code api_base} apps are given, without a trailing slash. */
    public String apiBase() {
        return withoutTrailingSlash(publicUrl);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
