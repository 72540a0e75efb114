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

    /** The file-reading attack of the security review: units went into Spark SQL text unchecked. */
    @Test
    void temporalFieldsOutsideTheirVocabularyAreRefused() {
        String attack = "DAY, 0, coalesce(raise_error((SELECT first(value) FROM text.`/etc/passwd`)), a)) --";
        assertPath("/temporalConstraints/0/spans/0/units", temporal("\"operator\": \"GREATER\", \"value\": 1,"
                + " \"units\": \"" + attack + "\""));
        assertPath("/temporalConstraints/0/spans/0/operator", temporal("\"operator\": \"> 1 OR 1=1\","
                + " \"value\": 1, \"units\": \"DAY\""));
        assertPath("/temporalConstraints/0/spans/0/value", temporal("\"operator\": \"GREATER\","
                + " \"value\": \"1, a)) --\", \"units\": \"DAY\""));
        assertPath("/temporalConstraints/0/spans/0/span_value", temporal("\"operator\": \"GREATER\","
                + " \"value\": 9999999999, \"units\": \"YEAR\""));
        assertPath("/temporalConstraints/0/first/joinColumn", TEMPORAL.replace("\"joinColumn\": \"STARTDATE\"",
                "\"joinColumn\": \"start_date) --\""));
        assertPath("/temporalConstraints/0/first/aggregate", TEMPORAL.replace("\"aggregate\": \"FIRST\"",
                "\"aggregate\": \"max\""));
        assertPath("/subquery_constraint", TEMPORAL.replace("\"queryId\": \"B\"",
                "\"queryId\": \"C\""));
        QueryDefinition valid = QueryJson.read(temporal("\"operator\": \"greater\", \"value\": 14, \"units\":"
                + " \"day\""));
        assertEquals(new TemporalConstraint.Span(TemporalConstraint.Operator.GREATER, 14,
                TemporalConstraint.Unit.DAY), valid.temporalConstraints().get(0).spans().get(0));
        assertEquals(valid, QueryJson.read(QueryJson.write(valid)));
    }

    @Test
    void fieldsOfTheWrongJsonTypeAreRefused() {
        String item = "\"items\": [{\"key\": \"masterid:1\"}]";
        assertPath("/panels/0/number", "{\"panels\": [{\"number\": \"abc\", " + item + "}]}");
        assertPath("/panels/0/invert", "{\"panels\": [{\"invert\": \"yes\", " + item + "}]}");
        assertPath("/panels/0/occurrences/count", "{\"panels\": [{\"occurrences\": {\"count\": 1.5}, " + item
                + "}]}");
        assertPath("/panels/0/occurrences", "{\"panels\": [{\"occurrences\": 2, " + item + "}]}");
        assertPath("/panels/0/items/0/key", "{\"panels\": [{\"items\": [{\"key\": {\"a\": 1}}]}]}");
        assertPath("/panels/0/items/0/values/0/operator", "{\"panels\": [{\"items\": [{\"key\": \"masterid:1\","
                + " \"values\": [{\"type\": \"NUMBER\", \"operator\": \"GT' OR '1'='1\", \"value\": \"1\"}]}]}]}");
        assertPath("/panels/0/items/0/values/0/value_constraint", "{\"panels\": [{\"items\": [{\"key\":"
                + " \"masterid:1\", \"values\": [{\"type\": \"NUMBER\", \"operator\": \"GT\", \"value\": \"1e999\"}]}]}]}");
        assertPath("/panels/0/items/0/values/0/value_operator", "{\"panels\": [{\"items\": [{\"key\":"
                + " \"masterid:1\", \"values\": [{\"type\": \"FLAG\", \"operator\": \"LIKE\", \"value\": \"H\"}]}]}]}");
        // no guess: i2b2 would drop such a constraint, an EQ default would keep it
        assertPath("/panels/0/items/0/values/0/operator", "{\"panels\": [{\"items\": [{\"key\": \"masterid:1\","
                + " \"values\": [{\"type\": \"NUMBER\", \"value\": \"500\"}]}]}]}");
    }

    private static final String TEMPORAL = "{\"subqueries\": [{\"id\": \"A\", \"panels\": [{\"items\": [{\"key\":"
            + " \"masterid:1\"}]}]}, {\"id\": \"B\", \"panels\": [{\"items\": [{\"key\": \"masterid:2\"}]}]}],"
            + " \"temporalConstraints\": [{\"first\": {\"queryId\": \"A\", \"joinColumn\": \"STARTDATE\","
            + " \"aggregate\": \"FIRST\"}, \"operator\": \"LESS\", \"second\": {\"queryId\": \"B\"},"
            + " \"spans\": []}]}";

    private static String temporal(String span) {
        return TEMPORAL.replace("\"spans\": []", "\"spans\": [{" + span + "}]");
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
