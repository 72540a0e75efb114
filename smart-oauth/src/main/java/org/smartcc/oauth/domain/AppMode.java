package org.smartcc.oauth.domain;

import java.util.Arrays;
import java.util.Optional;

/** The manifest's {@code mode}; {@code helper} is accepted by the reference loader although the schema omits it. */
public enum AppMode {
    UI("ui"), FRAME_UI("frame_ui"), BACKGROUND("background"), HELPER("helper");

    private final String manifestValue;

    AppMode(String manifestValue) {
        this.manifestValue = manifestValue;
    }

    public String manifestValue() {
        return manifestValue;
    }

    /** Background and helper apps work without a user: they may use the 2-legged per-record token loop. */
    public boolean runsWithoutUser() {
        return this == BACKGROUND || this == HELPER;
    }

    public static Optional<AppMode> ofManifestValue(String value) {
        return Arrays.stream(values()).filter(m -> m.manifestValue.equals(value)).findFirst();
    }
}
