package org.smartcc.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A Payara Server domain of its own for a test: created on free ports (asadmin's port base) in the work folder,
 * started, and stopped again. Every command's output goes to {@code commands.log} in the work folder; a failed command
 * throws with the end of that log.
 */
final class PayaraDomain {

    private static final String NAME = "smartcc-it";
    /** The ports asadmin derives from a port base: debug, IIOP (3), admin, OSGi shell, JMS, HTTP, HTTPS, JMX. */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 66, 76, 80, 81, 86};

    private final Path asadmin;
    private final Path workDir;
    private final Path domainsDir;
    private final Path log;
    private int portBase;

    PayaraDomain(Path payaraHome, Path workDir) {
        this.asadmin = payaraHome.resolve("bin").resolve("asadmin");
        this.workDir = workDir;
        this.domainsDir = workDir.resolve("domains");
        this.log = workDir.resolve("commands.log");
    }

    /** Stops what an interrupted run left, then creates and starts a new domain. */
    void createAndStart() throws IOException {
        if (Files.isDirectory(domainsDir.resolve(NAME))) {
            run(List.of("stop-domain", "--kill=true", "--domaindir", domainsDir.toString(), NAME), Map.of(), false);
        }
        deleteTree(workDir);
        Files.createDirectories(workDir);
        portBase = freePortBase();
        asadmin("create-domain", "--nopassword=true", "--portbase", String.valueOf(portBase), "--domaindir",
                domainsDir.toString(), NAME);
        asadmin("start-domain", "--domaindir", domainsDir.toString(), NAME);
    }

    int adminPort() {
        return portBase + 48;
    }

    int httpPort() {
        return portBase + 80;
    }

    Path serverLog() {
        return domainsDir.resolve(NAME).resolve("logs").resolve("server.log");
    }

    /** A remote command against this domain's admin port. */
    void remote(String... arguments) throws IOException {
        run(List.of(arguments), Map.of("AS_ADMIN_PORT", String.valueOf(adminPort())), true);
    }

    /** Runs a program (the setup script) with asadmin pointed at this domain, as its environment tells it. */
    void runWithAsadmin(Path program, Map<String, String> environment) throws IOException {
        Map<String, String> env = new HashMap<>(environment);
        env.put("ASADMIN", asadmin.toString());
        env.put("AS_ADMIN_PORT", String.valueOf(adminPort()));
        env.put("PAYARA_DOMAINS_DIR", domainsDir.toString());
        env.put("PAYARA_DOMAIN", NAME);
        exec(List.of(program.toString()), env, true);
    }

    /** Stops the domain; quietly, as it runs after failures too. */
    void stop() throws IOException {
        if (portBase > 0) {
            run(List.of("stop-domain", "--kill=true", "--domaindir", domainsDir.toString(), NAME), Map.of(), false);
        }
    }

    private void asadmin(String... arguments) throws IOException {
        run(List.of(arguments), Map.of(), true);
    }

    private void run(List<String> arguments, Map<String, String> environment, boolean check) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(asadmin.toString());
        command.addAll(arguments);
        exec(command, environment, check);
    }

    private void exec(List<String> command, Map<String, String> environment, boolean check) throws IOException {
        Files.createDirectories(workDir);
        Files.writeString(log, "\n$ " + String.join(" ", command) + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command) + tail());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
        if (check && process.exitValue() != 0) {
            throw new IllegalStateException("failed (" + process.exitValue() + "): " + String.join(" ", command)
                    + tail());
        }
    }

    /** The end of the command log, for a failure's message. */
    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return "\n--- " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(200, 600) * 100;
            if (IntStream.of(PORT_OFFSETS).allMatch(offset -> free(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base for a Payara domain");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
