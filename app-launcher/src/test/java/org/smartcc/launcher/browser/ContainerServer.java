package org.smartcc.launcher.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The container's WARs and the example REST app in one Payara Micro, started as the embedded run starts them
 * (embedded/pom.xml, profile {@code run}), once per failsafe JVM for every browser test class, and stopped by a
 * shutdown hook when that JVM ends. Its log goes to {@code it.log} under target (and to the console with
 * {@code -Dit.console=true}).
 */
final class ContainerServer {

    static final String ADMIN_PASSWORD = "it-admin-secret";
    static final String LAUNCHER_SECRET = "it-launcher-secret";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(420);

    private static ContainerServer running;

    private final int port;
    private final Process process;
    private final Path log;

    private ContainerServer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** The one server of this JVM, started on first use. */
    static synchronized ContainerServer get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "payara-micro-stop"));
        }
        return running;
    }

    /** {@code http://localhost:P}: the API server's base and public URL. */
    String base() {
        return "http://localhost:" + port;
    }

    String launcher() {
        return base() + "/launcher";
    }

    private static ContainerServer start() {
        int port = freePort();
        Path log = Path.of(property("it.log"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx3g");
        command.addAll(Arrays.asList(property("it.jvm.flags").trim().split("\\s+")));
        command.addAll(List.of(
                "-Dmp.config.profile=dev",
                "-Dsmartcc.data.dir=" + property("it.data.dir"),
                "-Dsmartcc.shared.dir=" + property("smartcc.shared.dir"),
                "-Dsmartcc.sample-data.dir=" + property("it.sample.dir"),
                "-Dsmartcc.public-url=http://localhost:" + port,
                "-Dsmartcc.http.address=127.0.0.1",
                "-Dsmartcc.admin.password=" + ADMIN_PASSWORD,
                "-Dsmartcc.launcher.secret=" + LAUNCHER_SECRET,
                "-jar", property("it.payara.jar"),
                "--nohazelcast",
                "--rootdir", property("it.payara.root"),
                "--prebootcommandfile", property("it.preboot"),
                "--port", Integer.toString(port),
                "--deploy", property("it.api.war") + ":/",
                "--deploy", property("it.launcher.war") + ":/launcher",
                "--deploy", property("it.rest-app.war") + ":/example-rest-app"));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            Process process = builder.start();
            copyOutput(process.getInputStream(), log, Boolean.getBoolean("it.console"));
            ContainerServer server = new ContainerServer(port, process, log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Payara Micro: " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                failStart("Payara Micro exited with code " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failStart("interrupted while waiting for Payara Micro");
            }
            sleep(1000);
        }
        stop();
        failStart("Payara Micro was not ready within " + READY_TIMEOUT.toSeconds() + " s on port " + port
                + " (GET /health/ready last answered: " + last + ")");
    }

    private void failStart(String message) {
        System.err.println("---- last lines of " + log + " ----");
        try {
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.err::println);
        } catch (IOException e) {
            System.err.println("(log unreadable: " + e + ")");
        }
        throw new IllegalStateException(message + "; log: " + log);
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void copyOutput(InputStream output, Path log, boolean console) throws IOException {
        OutputStream file = Files.newOutputStream(log);
        Thread copier = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (output; file) {
                for (int n; (n = output.read(buffer)) >= 0; ) {
                    file.write(buffer, 0, n);
                    file.flush();
                    if (console) {
                        System.out.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process ended; its log is complete as far as it got
            }
        }, "payara-micro-log");
        copier.setDaemon(true);
        copier.start();
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (failsafe sets it, see pom.xml)");
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
