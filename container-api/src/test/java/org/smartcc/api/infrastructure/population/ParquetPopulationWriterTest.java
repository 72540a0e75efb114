package org.smartcc.api.infrastructure.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.store.Vocab;

/**
 * Two records' lab results written through a stream that must stay open, read back with parquet-hadoop's own
 * reader: the schema (every column an optional string), one row per statement, values and nulls.
 */
class ParquetPopulationWriterTest {

    @TempDir
    static Path dir;
    static SampleRecords records;

    @BeforeAll
    static void load() throws Exception {
        records = SampleRecords.load(dir, "1134281", "99912345");
    }

    @AfterAll
    static void close() {
        records.close();
    }

    @Test
    void twoRecordsLabResultsReadBackRowForRow() throws IOException {
        TabularColumns columns = SampleRecords.columns("lab_results");
        List<String[]> expected = new ArrayList<>(TabularRows.of(columns, "1134281",
                records.answer("1134281", "lab_results")));
        expected.addAll(TabularRows.of(columns, "99912345", records.answer("99912345", "lab_results")));
        assertTrue(expected.size() > 10, "some lab results: " + expected.size());

        Path file = dir.resolve("lab_results.parquet");
        try (NotClosed out = new NotClosed(Files.newOutputStream(file))) {
            ParquetPopulationWriter writer = new ParquetPopulationWriter(out, columns);
            writer.record("1134281", records.answer("1134281", "lab_results"));
            writer.record("99912345", records.answer("99912345", "lab_results"));
            writer.finish();
            assertTrue(!out.closed, "finish() leaves the response stream open");
        }

        MessageType schema;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            schema = reader.getFileMetaData().getSchema();
            assertEquals(expected.size(), reader.getRecordCount());
        }
        assertEquals("smart_lab_results", schema.getName());
        assertEquals(columns.names(), schema.getFields().stream().map(Type::getName).toList());
        for (Type field : schema.getFields()) {
            assertEquals(Type.Repetition.OPTIONAL, field.getRepetition());
            assertEquals(PrimitiveTypeName.BINARY, field.asPrimitiveType().getPrimitiveTypeName());
            assertEquals(LogicalTypeAnnotation.stringType(), field.getLogicalTypeAnnotation());
        }

        List<String[]> read = new ArrayList<>();
        ParquetReader.Builder<Group> builder = new ParquetReader.Builder<>(new LocalInputFile(file),
                new PlainParquetConfiguration()) {
            @Override
            protected ReadSupport<Group> getReadSupport() {
                return new GroupReadSupport();
            }
        };
        try (ParquetReader<Group> reader = builder.build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                String[] row = new String[columns.names().size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = g.getFieldRepetitionCount(i) == 0 ? null : g.getString(i, 0);
                }
                read.add(row);
            }
        }
        assertEquals(expected.size(), read.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), read.get(i), "row " + i);
        }
        int code = columns.names().indexOf("labName_code");
        Map<String, String> pmv = byName(columns, read.stream()
                .filter(r -> "28542-9".equals(r[code]) && "1134281".equals(r[0])).findFirst().orElseThrow());
        assertEquals("http://purl.bioontology.org/ontology/LNC/", pmv.get("labName_system"));
        assertTrue(pmv.get("quantitativeResult_valueAndUnit_value") != null);
        assertNull(pmv.get("notes"));
    }

    @Test
    void anEmptySetIsAValidFileWithTheSchemaAndNoRows() throws IOException {
        TabularColumns columns = SampleRecords.columns("problems");
        Path file = dir.resolve("empty.parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            new ParquetPopulationWriter(out, columns).finish();
        }
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            assertEquals(0, reader.getRecordCount());
            assertEquals(columns.names().size(), reader.getFileMetaData().getSchema().getFieldCount());
        }
    }

    /** Rows leave for the stream row group by row group: the writer does not hold the file until its footer. */
    @Test
    void rowGroupsReachTheStreamBeforeTheFooter() throws IOException {
        TabularColumns columns = SampleRecords.columns("problems");
        CountingSink sink = new CountingSink();
        ParquetPopulationWriter writer = new ParquetPopulationWriter(sink, columns);
        String filler = "x".repeat(400);
        for (int record = 0; record < 400; record++) {
            Model model = ModelFactory.createDefaultModel();
            for (int i = 0; i < 50; i++) {
                model.createResource("http://localhost:8080/records/" + record + "/problems/" + i)
                        .addProperty(RDF.type, Vocab.sp("Problem"))
                        .addProperty(Vocab.spProperty("notes"), record + "/" + i + filler);
            }
            writer.record(Integer.toString(record), model);
        }
        long beforeFooter = sink.bytes;
        writer.finish();
        assertTrue(beforeFooter > ParquetPopulationWriter.ROW_GROUP_BYTES / 2,
                "8 MB of notes, and only " + beforeFooter + " bytes written before finish()");
        assertTrue(sink.bytes > beforeFooter);
    }

    /** A response stream that keeps nothing, only counts. */
    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private static Map<String, String> byName(TabularColumns columns, String[] row) {
        Map<String, String> named = new HashMap<>();
        for (int i = 0; i < row.length; i++) {
            named.put(columns.names().get(i), row[i]);
        }
        return named;
    }

    /** A response stream: it must be open after the writer's finish(), only its owner closes it. */
    private static final class NotClosed extends FilterOutputStream {
        boolean closed;

        NotClosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
