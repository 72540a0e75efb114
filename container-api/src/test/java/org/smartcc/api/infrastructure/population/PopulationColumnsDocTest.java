package org.smartcc.api.infrastructure.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smartcc.records.RecordApi;
import org.smartcc.store.SmartOntology;

/**
 * The column table of docs/population.md is generated: this test fails when it differs from the columns the code
 * generates from the ontology. {@code -Dpopulation.columns.write=true} rewrites the docs' table instead.
 */
class PopulationColumnsDocTest {

    static final String BEGIN = "<!-- columns:begin -->";
    static final String END = "<!-- columns:end -->";

    @Test
    void docsListTheGeneratedColumns() throws IOException {
        Path doc = docs().resolve("population.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, doc + " has no " + BEGIN + " ... " + END + " part");
        String documented = text.substring(begin + BEGIN.length(), end);
        String generated = "\n" + table(PopulationCollections.of(RecordApi.callTable(SmartOntology.shared()),
                SmartOntology.shared()).columnsByName());
        if (Boolean.getBoolean("population.columns.write")) {
            Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + generated + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, documented, "docs/population.md's column table is not the generated one; regenerate"
                + " it with: ./mvnw -B -o -pl container-api -am test -Dtest=PopulationColumnsDocTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dpopulation.columns.write=true");
    }

    /** One row per collection: its class and its columns, in order. */
    static String table(Map<String, TabularColumns> all) {
        StringBuilder md = new StringBuilder("| collection | class | columns |\n|---|---|---|\n");
        all.forEach((collection, columns) -> md.append("| `").append(collection).append("` | `sp:")
                .append(columns.statementClass().getLocalName()).append("` | ")
                .append(columns.names().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", ")))
                .append(" |\n"));
        return md.toString();
    }

    static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/population.md"))) {
                return dir.resolve("docs");
            }
        }
        throw new IllegalStateException("docs/population.md not found above " + Path.of("").toAbsolutePath());
    }
}
