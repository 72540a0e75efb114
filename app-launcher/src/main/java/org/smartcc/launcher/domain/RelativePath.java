package org.smartcc.launcher.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A percent-encoded path the launcher appends to one of the API server's bases (api_base for SMART Connect calls,
 * {@code /admin/} for the administration): it must not climb out of that base.
 */
public final class RelativePath {

    private RelativePath() {
    }

    /** No "." or ".." segment, no empty segment but a trailing one, no slash hidden in an escape. */
    public static boolean staysUnderBase(String path) {
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment;
            try {
                segment = URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            boolean last = i == segments.length - 1;
            if (".".equals(segment) || "..".equals(segment) || segment.contains("/") || segment.contains("\\")
                    || (segment.isEmpty() && !last)) {
                return false;
            }
        }
        return true;
    }

    public static String require(String path) {
        if (!staysUnderBase(path)) {
            throw LauncherException.invalidInput("PATH_INVALID", "the call's path must stay under its base");
        }
        return path;
    }
}
