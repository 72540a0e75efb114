package org.smartcc.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.i2b2.I2b2QueryWriter;
import org.smartcc.engine.query.json.QueryJson;

/** The i2b2 XML the writer produces is read back by the parser to the definition it was written from. */
class I2b2QueryWriterTest {

    @Test
    void everyI2b2TestRequestSurvivesParseWriteParse() throws Exception {
        List<Path> requests;
        try (Stream<Path> files = Files.walk(I2b2QueryParserTest.testFiles())) {
            requests = files.filter(p -> p.toString().endsWith(".xml")).filter(I2b2QueryWriterTest::isCohortQuery)
                    .sorted().toList();
        }
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Path file : requests) {
            QueryDefinition first;
            try (InputStream in = Files.newInputStream(file)) {
                first = I2b2QueryParser.parse(in);
            } catch (QueryDefinitionException refusedAsByI2b2) {
                continue;
            }
            QueryDefinition again = parse(I2b2QueryWriter.write(first));
            if (!first.equals(again)) {
                differences.add(file.getFileName().toString());
            }
            compared++;
        }
        assertEquals(List.of(), differences);
        assertTrue(compared >= 201, "compared " + compared);
    }

    /** Every feature of the model, written by hand in the JSON form. */
    @Test
    void handWrittenDefinitionsSurviveJsonToXmlToModel() {
        List<String> definitions = List.of(
                """
                {"name": "Diabetics & <friends> \\"over\\" 18", "timing": "SAMEVISIT", "panels": [
                  {"number": 1, "timing": "SAMEVISIT", "invert": false,
                   "occurrences": {"operator": "GT", "count": 2},
                   "dates": {"from": {"value": "2001-02-03T04:05:06", "onEndDate": true, "inclusive": false},
                             "to": {"value": "2010-12-31T00:00:00"}},
                   "items": [
                     {"key": "\\\\\\\\i2b2\\\\SMART\\\\Diagnoses\\\\250\\\\", "name": "Diabetes 'mellitus'",
                      "values": [{"type": "NUMBER", "operator": "BETWEEN", "value": "5 and 7.5", "unit": "mg/dL"}],
                      "dates": [{"from": {"value": "2005-01-01T00:00:00.123"}}],
                      "modifier": {"key": "\\\\Admit\\\\Principal\\\\", "appliedPath": "\\\\SMART\\\\Diagnoses\\\\%",
                                   "values": [{"type": "TEXT", "operator": "LIKE[CONTAINS]", "value": "a&b"}]},
                      "ageAtEvent": [{"operator": "GE", "years": 18}, {"operator": "LT", "years": 65}]},
                     {"key": "masterid:12", "name": "earlier query"},
                     {"key": "patient_set_coll_id:7"}]},
                  {"number": 2, "invert": true,
                   "items": [{"key": "\\\\\\\\i2b2\\\\SMART\\\\Labs\\\\", "values": [
                     {"type": "FLAG", "operator": "IN", "value": "('H','L')"},
                     {"type": "LARGETEXT", "operator": "CONTAINS", "value": "  kept inside  x"}]}]},
                  {"number": 3, "occurrences": {"operator": "EQ", "count": 0}, "items": []}]}
                """,
                """
                {"name": "temporal", "subqueries": [
                  {"id": "Event 1", "name": "first", "timing": "SAMEINSTANCENUM", "panels": [
                    {"number": 1, "timing": "SAMEINSTANCENUM",
                     "items": [{"key": "patient_set_enc_id:3"}, {"key": "patient:HIVE:1000000001"},
                               {"key": "encounter:HIVE:44"}]}]},
                  {"id": "Event 2", "name": "second", "panels": [
                    {"items": [{"key": "\\\\\\\\i2b2\\\\SMART\\\\Medications\\\\"}]}]}],
                 "temporalConstraints": [
                   {"first": {"queryId": "Event 1", "joinColumn": "ENDDATE", "aggregate": "FIRST"},
                    "operator": "LESSEQUAL",
                    "second": {"queryId": "Event 2", "joinColumn": "STARTDATE", "aggregate": "LAST"},
                    "spans": [{"operator": "GREATER", "value": 14, "units": "DAY"},
                              {"operator": "LESS", "value": 2, "units": "YEAR"}]},
                   {"first": {"queryId": "Event 2", "joinColumn": "PATIENT"}, "operator": "EQUAL",
                    "second": {"queryId": "Event 1", "joinColumn": "PATIENT"}}]}
                """);
        for (String json : definitions) {
            QueryDefinition fromJson = QueryJson.read(json);
            String xml = I2b2QueryWriter.write(fromJson);
            assertEquals(fromJson, parse(xml), xml);
        }
    }

    @Test
    void valuesAreEscapedByTheSerializerNotPastedIntoTheMarkup() {
        QueryDefinition query = QueryJson.read("{\"name\": \"</query_name><panel>\", \"panels\": [{\"items\":"
                + " [{\"key\": \"masterid:1\", \"name\": \"a]]>b&c\"}]}]}");
        String xml = I2b2QueryWriter.write(query);
        assertTrue(xml.contains("<query_name>&lt;/query_name&gt;&lt;panel&gt;</query_name>"), xml);
        assertEquals(query, parse(xml));
    }

    @Test
    void aCharacterXmlCannotCarryIsRefusedNamingItsElement() {
        QueryDefinition query = QueryJson.read("{\"name\": \"bell \\u0007 rings\", \"panels\": [{\"items\": [{\"key\":"
                + " \"masterid:1\"}]}]}");
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> I2b2QueryWriter.write(query));
        assertEquals("query_definition/query_name", e.element());
    }

    private static QueryDefinition parse(String xml) {
        return I2b2QueryParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean isCohortQuery(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8)
                    .contains("CRC_QRY_runQueryInstance_fromQueryDefinition");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
