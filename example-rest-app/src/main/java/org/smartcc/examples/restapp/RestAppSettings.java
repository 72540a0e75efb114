package org.smartcc.examples.restapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/** The app's configuration (docs/configuration.md, "The example REST app's keys"), read through MicroProfile Config. */
@ApplicationScoped
public class RestAppSettings {

    /** The app's id in its manifest, which is its OAuth consumer key. */
    public static final String CONSUMER_KEY = "rest-demographics@apps.smartcc.local";

    static final String SECRET_KEY = "smartcc.example-rest-app.secret";
    static final String API_BASES_KEY = "smartcc.example-rest-app.api-bases";

    @Inject
    Config config;

    /** The container's API base, where the app goes when it is opened without one. */
    public String publicUrl() {
        return config.getValue("smartcc.public-url", String.class);
    }

    /** The consumer secret the container gave the app at its installation. */
    public String consumerSecret() {
        return config.getOptionalValue(SECRET_KEY, String.class).filter(s -> !s.isBlank())
                .orElseThrow(() -> new AppFailure(503, "APP_NOT_CONFIGURED", "This app has no consumer secret: set "
                        + SECRET_KEY + " to the secret the container gave it when it was installed."));
    }

    /** The API bases a launch may name: the configured list, else the container's public URL alone. */
    public ApiBaseAllowList apiBases() {
        List<String> bases = config.getOptionalValues(API_BASES_KEY, String.class)
                .orElseGet(() -> List.of(publicUrl()));
        try {
            return ApiBaseAllowList.of(bases);
        } catch (IllegalArgumentException e) {
            throw new AppFailure(503, "APP_NOT_CONFIGURED", API_BASES_KEY + " or smartcc.public-url is not valid: "
                    + e.getMessage());
        }
    }
}
