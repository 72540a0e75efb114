package org.smartcc.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Spark standalone cluster of one master and one worker (1 core, 1 GiB), each a {@link ChildJvm} bound to
 * 127.0.0.1. The worker starts executors with its {@code SPARK_HOME/jars/*} (empty here) plus the application's
 * {@code spark.executor.extraClassPath}, so a driver passes {@link #executorClassPath()} there to give executors what
 * a distribution would.
 */
public final class LoopbackSparkCluster implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ChildJvm daemons = new ChildJvm();
    private URI masterJson;
    private String masterUrl;
    private Process worker;

    private LoopbackSparkCluster(Path directory) {
        this.directory = directory;
    }

    /** Starts the master, then the worker, and returns once the master counts the worker as alive. */
    public static LoopbackSparkCluster start(Path directory) {
        try {
            Files.createDirectories(directory.resolve("spark-home").resolve("jars"));
            Files.createDirectories(directory.resolve("work"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoopbackSparkCluster cluster = new LoopbackSparkCluster(directory);
        try {
            cluster.startMaster();
            cluster.startWorker();
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code spark://127.0.0.1:<port>}, for {@code spark.master}. */
    public String masterUrl() {
        return masterUrl;
    }

    /** What executors need on their classpath: Spark, the engine and the test classes, as this JVM has them. */
    public String executorClassPath() {
        return System.getProperty("java.class.path");
    }

    /** The worker's process: executors are its children. */
    public ProcessHandle workerProcess() {
        return worker.toHandle();
    }

    /** The master's state as its web UI reports it ({@code /json}: workers, active applications, cores used). */
    public JsonNode masterState() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(masterJson)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + masterJson);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the master for its state", e);
        }
    }

    private void startMaster() {
        int webUiPort = ChildJvm.freePort();
        masterJson = URI.create("http://" + ChildJvm.HOST + ":" + webUiPort + "/json/");
        Process master = launch("master", List.of("org.apache.spark.deploy.master.Master",
                "--host", ChildJvm.HOST, "--port", "0", "--webui-port", Integer.toString(webUiPort)));
        JsonNode state = await(master, "the master's web UI to answer", s -> "ALIVE".equals(s.path("status").asText()));
        masterUrl = state.path("url").asText();
    }

    private void startWorker() {
        worker = launch("worker", List.of("org.apache.spark.deploy.worker.Worker",
                "--host", ChildJvm.HOST, "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g",
                "--work-dir", directory.resolve("work").toString(), masterUrl));
        await(worker, "the worker to register", s -> s.path("aliveworkers").asInt() == 1);
    }

    private Process launch(String name, List<String> mainAndArguments) {
        // the worker builds executor command lines from SPARK_HOME (an empty jars/ here) and the Scala version
        return daemons.launch(directory.resolve(name + ".log"), List.of(), Map.of(
                "SPARK_HOME", directory.resolve("spark-home").toString(), "SPARK_SCALA_VERSION", "2.13"),
                mainAndArguments);
    }

    private JsonNode await(Process process, String what, Predicate<JsonNode> ready) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Spark process exited (" + process.exitValue() + ") while waiting for "
                        + what + "; logs in " + directory);
            }
            try {
                JsonNode state = masterState();
                if (ready.test(state)) {
                    return state;
                }
            } catch (UncheckedIOException notYetListening) {
                // the web UI starts a moment after the JVM
            }
            ChildJvm.pause(what);
        }
        throw new IllegalStateException("timed out after " + STARTUP_TIMEOUT.toSeconds() + " s waiting for " + what
                + "; logs in " + directory);
    }

    /** Stops the worker (and its executors) and the master, waiting until they are gone. */
    @Override
    public void close() {
        daemons.close();
    }
}
