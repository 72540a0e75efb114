package org.smartcc.api.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code docker compose config} and {@code docker build} would find wrong with docker/, checked without a Docker
 * engine: the files the compose file and the Dockerfile name exist, every image has a pinned tag, every variable has
 * its line in .env.example (and no line there is unused), every service has a health check, and the Payara and Spark
 * images are the versions the build uses.
 */
class ComposeFilesTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCKER = PROJECT.resolve("docker");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)[^}]*}");
    /** The uid and gid of the payara/server-full image's user, who owns the snapshot volume (Payara's Dockerfile). */
    private static final String PAYARA_USER = "1000:1000";

    static String composeText;
    static JsonNode compose;
    static Map<String, String> env;
    static List<String> dockerfile;

    @BeforeAll
    static void read() throws IOException {
        composeText = Files.readString(DOCKER.resolve("compose.yaml"));
        compose = new YAMLMapper().readTree(composeText);
        env = envExample();
        dockerfile = instructions(Files.readString(DOCKER.resolve("Dockerfile")));
    }

    @Test
    void everyVariableHasItsLineInEnvExampleAndEveryLineIsUsed() {
        Set<String> used = new TreeSet<>();
        Matcher m = VARIABLE.matcher(composeText);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertEquals(used, new TreeSet<>(env.keySet()));
    }

    @Test
    void everyServiceHasAHealthCheck() {
        compose.get("services").properties().forEach(service -> {
            JsonNode test = service.getValue().path("healthcheck").path("test");
            assertTrue(test.isArray() && !test.isEmpty(), service.getKey() + " has no healthcheck test");
        });
    }

    @Test
    void everyImageHasAnExplicitTag() {
        List<String> images = new ArrayList<>();
        compose.get("services").forEach(service -> {
            if (service.has("image")) {
                images.add(resolve(service.get("image").asText()));
            }
        });
        for (String from : instructionArguments("FROM")) {
            images.add(resolve(from.replace("${PAYARA_VERSION}", dockerfileArg("PAYARA_VERSION"))));
        }
        assertEquals(5, images.size(), images.toString());
        for (String image : images) {
            String tag = image.substring(image.lastIndexOf('/') + 1);
            assertTrue(tag.contains(":"), image + " has no tag");
            String version = tag.substring(tag.indexOf(':') + 1);
            assertFalse(version.isBlank() || version.startsWith("latest"), image + " is not pinned");
        }
    }

    @Test
    void theImagesAreTheVersionsTheBuildUses() throws IOException {
        String pom = Files.readString(PROJECT.resolve("pom.xml"));
        assertEquals(pomProperty(pom, "spark.version"), env.get("SPARK_VERSION"));
        assertEquals(pomProperty(pom, "payara.version"), env.get("PAYARA_VERSION"));
        assertEquals(pomProperty(pom, "payara.version"), dockerfileArg("PAYARA_VERSION"));
        compose.get("services").properties().forEach(service -> {
            String image = service.getValue().path("image").asText("");
            if (image.startsWith("apache/spark:")) {
                assertTrue(resolve(image).startsWith("apache/spark:" + pomProperty(pom, "spark.version") + "-"),
                        service.getKey() + ": " + image);
            }
        });
        JsonNode build = compose.at("/services/smartcc/build");
        assertEquals("${PAYARA_VERSION}", build.at("/args/PAYARA_VERSION").asText());
    }

    @Test
    void theBuildContextAndEveryFileTheDockerfileCopiesExist() {
        JsonNode build = compose.at("/services/smartcc/build");
        Path context = DOCKER.resolve(build.get("context").asText()).normalize();
        assertEquals(PROJECT, context);
        assertTrue(Files.isRegularFile(context.resolve(build.get("dockerfile").asText())));
        List<String> sources = copySources();
        assertFalse(sources.isEmpty());
        for (String source : sources) {
            Path path = context.resolve(source);
            if (source.contains("/target/")) {
                assertTrue(builtByModule(path), source + " is not written by the build of its module");
            } else {
                assertTrue(Files.exists(path), source + " does not exist");
            }
        }
    }

    /** Scripts a health check or the Dockerfile runs inside the image are among the files it copies there. */
    @Test
    void theScriptsRunInTheImageAreCopiedIntoIt() throws IOException {
        List<String> copied = copySources().stream().map(s -> Path.of(s).getFileName().toString()).toList();
        List<String> commands = new ArrayList<>(instructionArguments("HEALTHCHECK"));
        commands.add(compose.at("/services/smartcc/healthcheck/test").toString());
        commands.addAll(Files.readAllLines(DOCKER.resolve("payara/init.d/smartcc-first-start.sh")));
        Matcher m = Pattern.compile("/opt/smartcc/bin/([A-Za-z0-9_.-]+)").matcher(String.join("\n", commands));
        int found = 0;
        while (m.find()) {
            assertTrue(copied.contains(m.group(1)), m.group(1) + " is run but not copied into the image");
            found++;
        }
        assertTrue(found >= 3, "scripts found: " + found);
    }

    /** Host folders exist; a mounted build output ({@code <module>/target/...}) is one its module's build writes. */
    @Test
    void everyMountedHostPathExists() {
        List<String> mounted = new ArrayList<>();
        compose.get("services").properties().forEach(service -> {
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = resolve(volume.asText().split(":")[0]);
                if (source.startsWith(".") || source.startsWith("/")) {
                    mounted.add(service.getKey() + ": " + source);
                    Path path = DOCKER.resolve(source).normalize();
                    assertTrue(source.contains("/target/") ? builtByModule(path) : Files.isDirectory(path),
                            service.getKey() + " mounts " + source);
                }
            }
        });
        assertEquals(4, mounted.size(), mounted.toString());
    }

    /**
     * Every other service that mounts the snapshot volume runs as payara's uid and gid, so that Spark executors and
     * the server can each write, rename and delete the other's files there.
     */
    @Test
    void theServicesThatShareTheSnapshotVolumeRunAsPayara() {
        List<String> sharing = new ArrayList<>();
        compose.get("services").properties().forEach(service -> {
            boolean mounts = false;
            for (JsonNode volume : service.getValue().path("volumes")) {
                mounts |= volume.asText().startsWith("smartcc-data:");
            }
            if (mounts && !service.getKey().equals("smartcc")) {
                sharing.add(service.getKey());
                assertEquals(PAYARA_USER, service.getValue().path("user").asText(), service.getKey());
            }
        });
        assertEquals(List.of("spark-worker", "spark-connect"), sharing);
    }

    /**
     * The Spark master reaches bin/payara-server-setup, which sets spark.master and picks the store's pool from it
     * (its own for a cluster); the engine's spark.* list leaves the master to it.
     */
    @Test
    void theSetupScriptChoosesTheSparkMasterAndTheStoresPool() throws IOException {
        JsonNode environment = compose.at("/services/smartcc/environment");
        assertEquals("${SMARTCC_SPARK_MASTER}", environment.path("SMARTCC_SPARK_MASTER").asText());
        assertFalse(environment.path("SMARTCC_SPARK_CONF").asText().contains("spark.master"),
                environment.path("SMARTCC_SPARK_CONF").asText());
        String script = Files.readString(PROJECT.resolve("bin/payara-server-setup"));
        for (String name : List.of("SMARTCC_SPARK_MASTER", "SMARTCC_SECRETS_DIR", "SMARTCC_DB_PASSWORD_FILE")) {
            assertTrue(script.contains("${" + name + ":"), "bin/payara-server-setup reads " + name);
        }
        assertTrue(Files.readString(DOCKER.resolve("payara/first-start")).contains("SMARTCC_SECRETS_DIR=/run/secrets"),
                "first-start hands the mounted secrets to the script");
    }

    /**
     * The secret files are the site's own, so they are not in git: their folder is, with a .gitignore that keeps
     * everything else out, and the README tells how to write each of them.
     */
    @Test
    void everySecretFileHasItsFolderAndTheReadmeNamesIt() throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"));
        List<String> ignored = Files.readAllLines(DOCKER.resolve("secrets/.gitignore"));
        assertTrue(ignored.contains("*"), "docker/secrets/.gitignore ignores everything");
        compose.get("secrets").properties().forEach(secret -> {
            Path file = DOCKER.resolve(secret.getValue().get("file").asText()).normalize();
            assertEquals(DOCKER.resolve("secrets"), file.getParent(), secret.getKey());
            assertTrue(readme.contains("docker/secrets/" + file.getFileName()), "README names " + file);
        });
    }

    private static Map<String, String> envExample() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] keyValue = line.split("=", 2);
                assertEquals(2, keyValue.length, line);
                values.put(keyValue[0], keyValue[1]);
            }
        }
        return values;
    }

    /** A compose value with its variables replaced by the values of .env.example. */
    private static String resolve(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(out).toString();
    }

    /** The Dockerfile's instructions, one per entry, continuation lines joined and comments left out. */
    private static List<String> instructions(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("#") || (line.isBlank() && current.isEmpty())) {
                continue;
            }
            current.append(line.strip());
            if (line.endsWith("\\")) {
                current.setLength(current.length() - 1);
            } else {
                out.add(current.toString());
                current.setLength(0);
            }
        }
        return out;
    }

    private static List<String> instructionArguments(String instruction) {
        return dockerfile.stream().filter(i -> i.startsWith(instruction + " "))
                .map(i -> i.substring(instruction.length() + 1).strip()).toList();
    }

    private static String dockerfileArg(String name) {
        return instructionArguments("ARG").stream().filter(a -> a.startsWith(name + "="))
                .map(a -> a.substring(name.length() + 1)).findFirst().orElseThrow();
    }

    /** The sources of every COPY: each word but the options and the last, the destination. */
    private static List<String> copySources() {
        List<String> sources = new ArrayList<>();
        for (String copy : instructionArguments("COPY")) {
            List<String> words = new ArrayList<>(List.of(copy.split("\\s+")));
            words.removeIf(w -> w.startsWith("--"));
            sources.addAll(words.subList(0, words.size() - 1));
        }
        return sources;
    }

    /**
     * A build output ({@code <module>/target/<file>}) exists only after a build: its module's pom names it (a final
     * name, a copied file's name) or its module has a source file of that name that the build copies.
     */
    private static boolean builtByModule(Path output) {
        Path module = output.getParent().getParent();
        String name = output.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        try (var files = Files.walk(module.resolve("src/main"))) {
            String pom = Files.readString(module.resolve("pom.xml"));
            return pom.contains("<finalName>" + base + "</finalName>") || pom.contains(">" + name + "<")
                    || files.anyMatch(f -> f.getFileName().toString().equals(name));
        } catch (IOException e) {
            return false;
        }
    }

    private static String pomProperty(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertTrue(m.find(), name + " in pom.xml");
        return m.group(1);
    }
}
