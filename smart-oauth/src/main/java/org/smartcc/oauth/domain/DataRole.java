package org.smartcc.oauth.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * i2b2's data roles of a project user (cohort-model, PM cell): what a user's cohort queries may show them, from
 * obfuscated counts ({@link #DATA_OBFSC}) to de-identified data ({@link #DATA_DEID}). Which of them see exact counts
 * is the cohort engine's configuration, not this list's.
 */
public enum DataRole {
    DATA_OBFSC, DATA_AGG, DATA_LDS, DATA_DEID, DATA_PROT;

    /** @throws OAuthException USER_INVALID naming the valid data roles */
    public static DataRole ofName(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new OAuthException(OAuthError.USER_INVALID, "'" + name + "' is not a data role;"
                        + " the data roles are " + Arrays.stream(values()).map(DataRole::name)
                        .collect(Collectors.joining(", "))));
    }
}
