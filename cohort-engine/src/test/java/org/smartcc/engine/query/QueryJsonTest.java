package org.smartcc.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.json.QueryJson;

/** The JSON form carries exactly what the i2b2 XML form does, and names the field it refuses. */
class QueryJsonTest {

    @Test
    void everyI2b2TestRequestSurvivesTheRoundTripThroughJson() throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.walk(I2b2QueryParserTest.testFiles())) {
            files = all.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        int compared = 0;
        for (Path file : files) {
            QueryDefinition fromXml;
            try (InputStream in = Files.newInputStream(file)) {
                fromXml = I2b2QueryParser.parse(in);
            } catch (QueryDefinitionException notACohortQuery) {
                continue;
            }
            assertEquals(fromXml, QueryJson.read(QueryJson.write(fromXml)), file.toString());
            compared++;
        }
        assertTrue(compared >= 200, "compared " + compared);
    }

    @Test
    void refusedFieldsAreNamedByTheirJsonPointer() {
        assertPath("/panels", "{\"name\": \"none\"}");
        assertPath("/panels/0/items/0/key", "{\"panels\": [{\"items\": [{\"name\": \"no key\"}]}]}");
        assertPath("/panels/0/timing", "{\"panels\": [{\"timing\": \"SOMETIMES\", \"items\": [{\"key\": \"masterid:1\"}]}]}");
        assertPath("/panels/0/dates/from/value", "{\"panels\": [{\"dates\": {\"from\": {\"value\": \"yesterday\"}},"
                + " \"items\": [{\"key\": \"masterid:1\"}]}]}");
        assertPath("/panels/0/items/0/ageAtEvent/0/years", "{\"panels\": [{\"items\": [{\"key\": \"masterid:1\","
                + " \"ageAtEvent\": [{\"operator\": \"GE\", \"years\": \"eighteen\"}]}]}]}");
        assertPath("", "{\"panels\": [");
    }

    @Test
    void ageAtEventSurvivesTheRoundTrip() {
        QueryDefinition query = QueryJson.read("{\"panels\": [{\"items\": [{\"key\": \"\\\\\\\\i2b2\\\\Meds\\\\\","
                + " \"ageAtEvent\": [{\"operator\": \"ge\", \"years\": 18},"
                + " {\"operator\": \"LT\", \"years\": 65}]}]}]}");
        assertEquals(List.of(new AgeAtEvent(Comparison.GE, 18), new AgeAtEvent(Comparison.LT, 65)),
                query.panels().get(0).items().get(0).ages());
        assertEquals(query, QueryJson.read(QueryJson.write(query)));
    }

    private static void assertPath(String pointer, String json) {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> QueryJson.read(json));
        assertEquals(pointer, e.element(), e.getMessage());
    }
}
