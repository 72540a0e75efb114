package org.smartcc.api.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The example apps the development run installs with the development secret: the launcher's SMART Connect app
 * (files in the launcher WAR) and the example REST app (a WAR of its own beside the container). Their manifests
 * name the apps' URLs with {@code {{ui_server_base_url}}} (the launcher's, resolved by the installer as for the
 * reference's manifests) or {@code {{public_url}}}, the container's public URL, which is resolved here.
 */
final class DevelopmentApps {

    static final List<String> MANIFESTS = List.of("/dev-apps/med-problems.json", "/dev-apps/rest-demographics.json");
    static final String PUBLIC_URL = "{{public_url}}";

    private DevelopmentApps() {
    }

    /** The manifest of a resource in {@link #MANIFESTS}, with the public URL filled in. */
    static String manifest(String resource, String publicUrl) {
        try (InputStream in = DevelopmentApps.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the WAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(PUBLIC_URL, publicUrl.replaceAll("/+$", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
