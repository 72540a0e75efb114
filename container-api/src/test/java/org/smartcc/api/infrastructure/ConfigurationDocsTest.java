package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * META-INF/microprofile-config.properties holds every default; docs/configuration.md explains every key with the same
 * defaults and development-profile values, and the README's short table agrees with it.
 */
class ConfigurationDocsTest {

    static final Path PROPERTIES = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    static final Path DOCS = Path.of("..", "docs", "configuration.md");
    static final Path README = Path.of("..", "README.md");
    static final Path SETTINGS = Path.of("src/main/java/org/smartcc/api/infrastructure/ContainerSettings.java");

    static final String DEV = "%dev.";
    static final String NONE = "—";
    /** A key the file names without a default: {@code #key=} (prose comments have a space after the #). */
    static final Pattern UNSET = Pattern.compile("#([a-z][^=\\s]*(?: [^=\\s]+)*)=\\s*");
    static final Pattern CODE = Pattern.compile("`([^`]*)`");

    static final Map<String, String> defaults = new TreeMap<>();
    static final Map<String, String> development = new TreeMap<>();
    static final Set<String> unset = new TreeSet<>();
    static Map<String, List<String>> documented;

    @BeforeAll
    static void read() throws IOException {
        for (String line : Files.readAllLines(PROPERTIES)) {
            Matcher withoutDefault = UNSET.matcher(line);
            if (withoutDefault.matches()) {
                unset.add(withoutDefault.group(1));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                String key = line.substring(0, eq).trim();
                String value = line.substring(eq + 1).trim();
                if (key.startsWith(DEV)) {
                    development.put(key.substring(DEV.length()), value);
                } else {
                    defaults.put(key, value);
                }
            }
        }
        documented = table(DOCS, "## Keys");
    }

    @Test
    void everyKeyIsInBothOrNeither() {
        Set<String> inFile = new TreeSet<>(defaults.keySet());
        inFile.addAll(unset);
        inFile.addAll(development.keySet());
        Set<String> inDocs = new TreeSet<>(documented.keySet());
        inDocs.removeIf(key -> key.endsWith(".*")); // the engine library's families keep their defaults there
        assertEquals(inFile, inDocs, "keys of " + PROPERTIES + " vs " + DOCS);
        assertTrue(defaults.keySet().stream().noneMatch(unset::contains), "a key both has and lacks a default");
    }

    @Test
    void theDefaultsAndTheDevelopmentProfileAgree() {
        documented.forEach((key, cells) -> {
            String defaultCell = cells.get(0);
            String devCell = cells.get(1);
            if (defaults.containsKey(key)) {
                assertEquals(defaults.get(key), code(defaultCell), "default of " + key + " in " + DOCS);
            } else {
                assertTrue(defaultCell.startsWith("unset") || key.endsWith(".*"),
                        key + " has no default in " + PROPERTIES + " but the docs give " + defaultCell);
            }
            assertEquals(development.get(key), NONE.equals(devCell) ? null : code(devCell),
                    "development value (%dev.) of " + key + " in " + DOCS);
        });
    }

    @Test
    void theReadmesShortTableAgreesWithTheDocs() throws IOException {
        Map<String, List<String>> readme = table(README, "## Configuration");
        Map<String, List<String>> embedded = table(DOCS, "## The embedded run's own settings");
        assertFalse(readme.isEmpty(), "README has a Configuration table");
        readme.forEach((key, cells) -> {
            assertTrue(documented.containsKey(key) || embedded.containsKey(key),
                    key + " is in the README but not in " + DOCS);
            String inDocs = embedded.containsKey(key) ? embedded.get(key).get(0) : documented.get(key).get(0);
            assertEquals(inDocs, cells.get(0), "default of " + key + " in the README");
        });
    }

    @Test
    void containerSettingsReadsDefaultsFromTheFileOnly() throws IOException {
        String source = Files.readString(SETTINGS);
        Matcher required = Pattern.compile("value\\(\"([^\"]+)\"").matcher(source);
        int count = 0;
        while (required.find()) {
            count++;
            assertTrue(defaults.containsKey(required.group(1)), required.group(1) + " is read as having a default");
        }
        assertTrue(count > 10, "ContainerSettings reads its keys through value(...)");
        Matcher anyKey = Pattern.compile("\"(smartcc\\.[a-z.-]*[a-z])\"").matcher(source);
        while (anyKey.find()) {
            assertTrue(documented.containsKey(anyKey.group(1)), anyKey.group(1) + " is not in " + DOCS);
        }
    }

    /** The rows of the first table after a heading: key (code) → the following cells, trimmed. */
    private static Map<String, List<String>> table(Path file, String heading) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int at = lines.indexOf(heading);
        assertTrue(at >= 0, heading + " in " + file);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
                String key = code(cells[0].trim());
                if (key != null) {
                    rows.put(key, List.of(cells).subList(1, cells.length).stream().map(String::trim).toList());
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    /** The text of the cell's first code span, or null. */
    private static String code(String cell) {
        Matcher m = CODE.matcher(cell);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void theFilesAreWhereTheTestLooks() {
        assertNotNull(defaults.get("smartcc.data.dir"));
        assertEquals("true", development.get("smartcc.dev-mode"));
    }
}
