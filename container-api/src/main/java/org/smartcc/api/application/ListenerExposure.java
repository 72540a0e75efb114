package org.smartcc.api.application;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smartcc.api.infrastructure.ContainerSettings;
import org.smartcc.oauth.application.AppInstaller;

/**
 * What the start-up log says about the address the HTTP listener is bound to ({@code smartcc.http.address}, set by the
 * embedded run), and a warning when that address is reachable from other machines while development credentials,
 * published in the README, let anyone in.
 */
public final class ListenerExposure {

    /** The launcher secret embedded/pom.xml sets for the embedded run. */
    static final String DEVELOPMENT_LAUNCHER_SECRET = "dev-launcher-secret";

    private ListenerExposure() {
    }

    /** The development credentials the settings turn on, named for a person; empty in a production configuration. */
    public static List<String> developmentCredentials(ContainerSettings settings) {
        List<String> on = new ArrayList<>();
        if (settings.cohortDemoLogin()) {
            on.add("i2b2 demo login (smartcc.cohort.demo-login)");
        }
        if (settings.launcherSecret().filter(DEVELOPMENT_LAUNCHER_SECRET::equals).isPresent()) {
            on.add("development launcher secret (smartcc.launcher.secret)");
        }
        if (settings.devMode()) {
            on.add("launcher login dev / dev with every role (smartcc.dev-mode)");
        }
        if (settings.devMode() && settings.appsDirectory().isPresent()
                && settings.appsSecret().equals(AppInstaller.DEV_CONSUMER_SECRET)) {
            on.add("development app secret (smartcc.apps.secret)");
        }
        return on;
    }

    /** Where the listener is bound, for the ready line; empty when the server's own configuration decides. */
    public static Optional<String> describe(Optional<String> address) {
        return address.map(a -> isLoopback(a)
                ? "listening on " + a + " only (this machine)"
                : "listening on " + a + ", reachable from other machines");
    }

    /** A warning when a non-loopback address meets development credentials; empty otherwise. */
    public static Optional<String> warning(Optional<String> address, List<String> developmentCredentials) {
        if (address.isEmpty() || isLoopback(address.get()) || developmentCredentials.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("SECURITY WARNING: listening on " + address.get() + ", reachable from other machines, "
                + "with public development credentials on: " + String.join(", ", developmentCredentials)
                + ". Anyone who can reach this port can use them. Bind to 127.0.0.1 (the embedded run's default, "
                + "smartcc.http.address) or turn them off.");
    }

    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
