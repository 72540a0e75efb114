package org.smartcc.api.infrastructure.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.store.Vocab;

/** RFC 4180 output, read back with Apache Commons CSV: header, CRLF, quoting, UTF-8, one row per statement. */
class CsvPopulationWriterTest {

    @TempDir
    static Path dir;
    static SampleRecords records;

    @BeforeAll
    static void load() throws Exception {
        records = SampleRecords.load(dir, "1081332", "1134281");
    }

    @AfterAll
    static void close() {
        records.close();
    }

    @Test
    void twoRecordsMedicationsAreTheHeaderThenOneLinePerMedication() throws IOException {
        TabularColumns columns = SampleRecords.columns("medications");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvPopulationWriter writer = new CsvPopulationWriter(out, columns);
        writer.record("1081332", records.answer("1081332", "medications"));
        writer.record("1134281", records.answer("1134281", "medications"));
        writer.finish();
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith(String.join(",", columns.names()) + "\r\n"), text);
        assertTrue(text.endsWith("\r\n"));
        assertEquals(-1, text.replace("\r\n", "").indexOf('\n'), "every line ends with CRLF");

        List<CSVRecord> body = parse(text, columns.names());
        int expected = TabularRows.of(columns, "1081332", records.answer("1081332", "medications")).size()
                + TabularRows.of(columns, "1134281", records.answer("1134281", "medications")).size();
        assertEquals(expected, body.size());
        assertEquals(7, body.stream().filter(r -> r.get("record_id").equals("1081332")).count());
        assertTrue(body.stream().anyMatch(r -> r.get("record_id").equals("1134281")));
        body.forEach(r -> assertEquals(columns.names().size(), r.size()));
        body.forEach(r -> assertEquals("http://purl.bioontology.org/ontology/RXNORM/", r.get("drugName_system")));
    }

    @Test
    void commasQuotesLineBreaksAndNonAsciiSurviveAndMissingValuesAreEmpty() throws IOException {
        TabularColumns columns = SampleRecords.columns("problems");
        Model model = ModelFactory.createDefaultModel();
        Resource problem = model.createResource("http://localhost:8080/records/7/problems/1")
                .addProperty(RDF.type, Vocab.sp("Problem"))
                .addProperty(Vocab.spProperty("startDate"), "2010-01-02")
                .addProperty(Vocab.spProperty("notes"), "says \"ouch\", then\r\nleaves; Zürich ✓");
        problem.addProperty(Vocab.spProperty("problemName"), model.createResource()
                .addProperty(Vocab.TITLE, "Fever, unspecified")
                .addProperty(Vocab.CODE_PROPERTY, model.createResource("http://purl.bioontology.org/ontology/SNOMEDCT/386661006")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvPopulationWriter writer = new CsvPopulationWriter(out, columns);
        writer.record("7", model);
        writer.finish();
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(",\"says \"\"ouch\"\", then\r\nleaves; Zürich ✓\","), text);
        assertTrue(text.contains(",\"Fever, unspecified\","), text);

        List<CSVRecord> rows = parse(text, columns.names());
        assertEquals(1, rows.size());
        CSVRecord row = rows.get(0);
        assertEquals("7", row.get("record_id"));
        assertEquals("http://localhost:8080/records/7/problems/1", row.get("statement"));
        assertEquals("http://purl.bioontology.org/ontology/SNOMEDCT/", row.get("problemName_system"));
        assertEquals("386661006", row.get("problemName_code"));
        assertEquals("Fever, unspecified", row.get("problemName_title"));
        assertEquals("says \"ouch\", then\r\nleaves; Zürich ✓", row.get("notes"));
        assertEquals("", row.get("endDate"));
    }

    @Test
    void aSetWithoutStatementsIsTheHeaderAlone() throws IOException {
        TabularColumns columns = SampleRecords.columns("allergies");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvPopulationWriter writer = new CsvPopulationWriter(out, columns);
        writer.record("9", ModelFactory.createDefaultModel());
        writer.finish();
        assertEquals(String.join(",", columns.names()) + "\r\n", out.toString(StandardCharsets.UTF_8));
    }

    /** The header line (checked against the columns), then the records by column name. */
    private static List<CSVRecord> parse(String text, List<String> header) throws IOException {
        CSVFormat rfc = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var parser = rfc.parse(new StringReader(text))) {
            assertEquals(header, parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    @Test
    void aTextASpreadsheetWouldRunAsAFormulaIsPrefixedButNumbersStayNumbers() {
        assertEquals("'=HYPERLINK(\"http://example.org\")", CsvPopulationWriter.formulaSafe("=HYPERLINK(\"http://example.org\")"));
        assertEquals("'+cmd|' /C calc'!A0", CsvPopulationWriter.formulaSafe("+cmd|' /C calc'!A0"));
        assertEquals("'@SUM(A1:A2)", CsvPopulationWriter.formulaSafe("@SUM(A1:A2)"));
        assertEquals("'- see note", CsvPopulationWriter.formulaSafe("- see note"));
        assertEquals("'\t=1+1", CsvPopulationWriter.formulaSafe("\t=1+1"));
        for (String number : List.of("-2.5", "+3", "-.5", "-1e-3", "12", "")) {
            assertEquals(number, CsvPopulationWriter.formulaSafe(number));
        }
        StringBuilder line = new StringBuilder();
        CsvPopulationWriter.field(line, "=1+1, then");
        assertEquals("\"'=1+1, then\"", line.toString());
    }
}
