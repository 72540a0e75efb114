package org.smartcc.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Spark Connect server ({@code SparkConnectServer} of the spark-connect jar, Spark in local mode with one core) in a
 * {@link ChildJvm} on loopback. Its JVM carries the system property {@value #ROLE_PROPERTY} = {@value #ROLE}, so a
 * test can ask where a query ran.
 */
public final class LoopbackSparkConnectServer implements AutoCloseable {

    static final String ROLE_PROPERTY = "smartcc.test.role";
    static final String ROLE = "spark-connect-server";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final ChildJvm jvm = new ChildJvm();
    private final int port = ChildJvm.freePort();

    private LoopbackSparkConnectServer() {
    }

    /** Starts the server and returns once it accepts connections. */
    public static LoopbackSparkConnectServer start(Path directory) {
        LoopbackSparkConnectServer server = new LoopbackSparkConnectServer();
        try {
            Files.createDirectories(directory);
            server.launch(directory.resolve("spark-connect-server.log"));
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw new IllegalStateException("the Spark Connect server did not start; log in " + directory, e);
        }
    }

    /** {@code sc://127.0.0.1:<port>}, for {@code spark.master} or {@code spark.remote}. */
    public String url() {
        return "sc://" + ChildJvm.HOST + ":" + port;
    }

    private void launch(Path log) {
        // SparkConnectServer takes its settings from spark.* system properties, as spark-submit would pass them
        Process process = jvm.launch(log, List.of(
                "-D" + ROLE_PROPERTY + "=" + ROLE,
                "-Dspark.master=local[1]",
                "-Dspark.app.name=smartcc-test-connect-server",
                "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=" + ChildJvm.HOST,
                "-Dspark.driver.bindAddress=" + ChildJvm.HOST,
                "-Dspark.sql.shuffle.partitions=4",
                // not UTC, so that a test sees the engine set its sessions to UTC
                "-Dspark.sql.session.timeZone=America/New_York",
                "-Dspark.connect.grpc.binding.address=" + ChildJvm.HOST,
                "-Dspark.connect.grpc.binding.port=" + port),
                Map.of(), List.of("org.apache.spark.sql.connect.service.SparkConnectServer"));
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(ChildJvm.HOST, port), 1000);
                return;
            } catch (IOException notYetListening) {
                ChildJvm.pause("the Spark Connect server");
            }
        }
        throw new IllegalStateException("timed out after " + STARTUP_TIMEOUT.toSeconds() + " s");
    }

    @Override
    public void close() {
        jvm.close();
    }
}
