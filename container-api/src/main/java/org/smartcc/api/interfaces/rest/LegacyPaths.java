package org.smartcc.api.interfaces.rest;

import java.util.regex.Pattern;

/** Paths of SMART 0.3–0.4 that old apps still call, mapped to their 0.6.1 equivalents (smart-classic §10). */
final class LegacyPaths {

    private static final Pattern VITAL_SIGNS = Pattern.compile("^(/records/[^/]+/)vital_signs/");

    private LegacyPaths() {
    }

    static String current(String rawPath) {
        return VITAL_SIGNS.matcher(rawPath).replaceFirst("$1vital_sign_sets/");
    }
}
