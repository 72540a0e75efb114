package org.smartcc.launcher.browser;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every browser test class shares in one failsafe JVM: the container (one Payara Micro), the recording proxy,
 * the test apps server, and the test apps installed through the admin API (each folder of {@code test-apps/} with a
 * {@code manifest.json}).
 */
final class TestEnvironment {

    /** An installed test app: its folder under test-apps, its manifest as installed, its consumer secret. */
    record App(String folder, String id, String name, String description, String consumerSecret) {
    }

    private static TestEnvironment current;
    /** Why the environment could not be set up: the later test classes fail at once with it. */
    private static Throwable failure;

    final ContainerServer server;
    final ContainerApi api;
    final RecordingProxy proxy;
    final TestAppsServer apps;
    private final Map<String, App> installed = new LinkedHashMap<>();

    private TestEnvironment() {
        server = ContainerServer.get();
        api = new ContainerApi(server.base());
        proxy = new RecordingProxy();
        RestApp restApp = new RestApp();
        Path root = Path.of(ContainerServer.property("it.test-apps")).toAbsolutePath().normalize();
        apps = new TestAppsServer(root, server.launcher(), restApp);
        installAll(root);
        App rest = app(RestApp.DIRECTORY);
        restApp.installed(rest.id(), rest.consumerSecret());
    }

    static synchronized TestEnvironment get() {
        if (failure != null) {
            throw new IllegalStateException("the browser tests' environment could not be set up: " + failure, failure);
        }
        if (current == null) {
            try {
                current = new TestEnvironment();
            } catch (RuntimeException | AssertionError e) {
                failure = e;
                throw e;
            }
        }
        return current;
    }

    /** The test app of a folder under test-apps. */
    App app(String folder) {
        App app = installed.get(folder);
        if (app == null) {
            throw new IllegalStateException("no test app in test-apps/" + folder + " (installed: "
                    + installed.keySet() + ")");
        }
        return app;
    }

    private void installAll(Path root) {
        try (Stream<Path> manifests = Files.walk(root)) {
            for (Path manifest : manifests.filter(p -> p.getFileName().toString().equals("manifest.json")).toList()) {
                String text = apps.filled(manifest);
                JsonObject json = ContainerApi.json(text).asJsonObject();
                String id = json.getString("id");
                String secret = api.installApp(id, text);
                String folder = root.relativize(manifest.getParent()).toString();
                installed.put(folder, new App(folder, id, json.getString("name"), json.getString("description"),
                        secret));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
