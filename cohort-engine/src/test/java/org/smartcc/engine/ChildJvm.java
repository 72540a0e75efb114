package org.smartcc.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Spark daemons for tests, each a child JVM run from this JVM's classpath (no Spark distribution) with its output in
 * a log file. They are stopped with their own children by {@link #close()}, and by a shutdown hook when a test run
 * is killed first: Ctrl-C or a surefire timeout skips {@code @AfterAll} but runs shutdown hooks.
 */
final class ChildJvm implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final List<Process> processes = new ArrayList<>();
    private final Thread killOnExit = new Thread(this::stopProcesses, "stop-spark-child-jvms");

    ChildJvm() {
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts {@code main} with the given system properties and environment; output goes to {@code log}. */
    Process launch(Path log, List<String> systemProperties, Map<String, String> environment,
                   List<String> mainAndArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        // the daemons do little work in a test: the quick JIT alone halves their start-up CPU time
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(systemProperties);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // without it Spark binds its servers to every interface and advertises the machine's external address
        builder.environment().put("SPARK_LOCAL_IP", HOST);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            synchronized (this) {
                processes.add(process);
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + mainAndArguments.get(0), e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes what the start made, waiting for a start still under way, so that no child JVM outlives a test. */
    static void closeOnceStarted(CompletableFuture<? extends AutoCloseable> start) {
        if (start != null) {
            start.handle((started, failure) -> {
                if (started != null) {
                    try {
                        started.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("could not stop " + started, e);
                    }
                }
                return null;
            }).join();
        }
    }

    static void pause(String whileWaitingFor) {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + whileWaitingFor, e);
        }
    }

    /** Stops the processes, the last started first, each with its children, and waits until they are gone. */
    @Override
    public void close() {
        stopProcesses();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing is left to stop
        }
    }

    private synchronized void stopProcesses() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        processes.clear();
    }
}
