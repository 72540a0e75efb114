package org.smartcc.oauth.domain;

import java.util.Arrays;
import java.util.Optional;

/** The manifest's {@code scope}: whether the app needs a patient record to run. */
public enum AppScope {
    RECORD("record"), CONTAINER("container");

    private final String manifestValue;

    AppScope(String manifestValue) {
        this.manifestValue = manifestValue;
    }

    public String manifestValue() {
        return manifestValue;
    }

    public static Optional<AppScope> ofManifestValue(String value) {
        return Arrays.stream(values()).filter(s -> s.manifestValue.equals(value)).findFirst();
    }
}
