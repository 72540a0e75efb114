package org.smartcc.api.infrastructure.population;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.jena.rdf.model.Model;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * A collection's tabular projection as one Parquet file: every column an optional UTF-8 string (dates stay the ISO
 * 8601 text the record has, values the decimal text, so nothing is lost to a guessed type), dictionary-encoded and
 * uncompressed (Snappy and Zstandard would need native libraries). Rows go to row groups of
 * {@value #ROW_GROUP_BYTES} bytes, so the memory the writer holds stays flat whatever the set's size. Plain Parquet
 * configuration, no Hadoop file system: it runs without a Hadoop installation.
 */
public final class ParquetPopulationWriter implements PopulationWriter {

    /** Small row groups: a writer per response, and the server's heap is shared by many. */
    public static final int ROW_GROUP_BYTES = 4 * 1024 * 1024;
    private static final int PAGE_BYTES = 256 * 1024;

    private final TabularColumns columns;
    private final ParquetWriter<String[]> writer;

    /** Starts the file on {@code out} (Parquet's magic bytes); {@link #finish()} writes its footer. */
    public ParquetPopulationWriter(OutputStream out, TabularColumns columns) throws IOException {
        this.columns = columns;
        this.writer = new Builder(new StreamOutputFile(out), schema(columns))
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withDictionaryEncoding(true)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .withPageSize(PAGE_BYTES)
                .build();
    }

    /** The schema of a collection: {@code message smart_<collection>}, one optional string per column. */
    public static MessageType schema(TabularColumns columns) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (String name : columns.names()) {
            message.addField(Types.primitive(PrimitiveTypeName.BINARY, Repetition.OPTIONAL)
                    .as(LogicalTypeAnnotation.stringType()).named(name));
        }
        return message.named("smart_" + columns.collection());
    }

    @Override
    public void record(String recordId, Model statements) throws IOException {
        for (String[] row : TabularRows.of(columns, recordId, statements)) {
            writer.write(row);
        }
    }

    /** Writes the last row group and the footer; the stream stays open (see {@link StreamOutputFile}). */
    @Override
    public void finish() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<String[], Builder> {
        private final MessageType schema;

        Builder(OutputFile file, MessageType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<String[]> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema);
        }

        @Override
        protected WriteSupport<String[]> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport(schema);
        }
    }

    /** Writes a row of nullable strings, a null as an absent optional value. */
    private static final class RowWriteSupport extends WriteSupport<String[]> {
        private final MessageType schema;
        private final List<String> names;
        private RecordConsumer consumer;

        RowWriteSupport(MessageType schema) {
            this.schema = schema;
            this.names = schema.getFields().stream().map(f -> f.getName()).toList();
        }

        @Override
        public WriteContext init(Configuration conf) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public WriteContext init(ParquetConfiguration conf) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(String[] row) {
            consumer.startMessage();
            for (int i = 0; i < row.length; i++) {
                if (row[i] != null) {
                    consumer.startField(names.get(i), i);
                    consumer.addBinary(Binary.fromString(row[i]));
                    consumer.endField(names.get(i), i);
                }
            }
            consumer.endMessage();
        }
    }
}
