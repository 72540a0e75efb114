package org.smartcc.api.infrastructure.population;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.jena.rdf.model.Model;

/**
 * Writes one part of an export (a collection in a format) to numbered files, each a complete document of its format,
 * starting a new file after the record that brings the current one to {@code maxBytes}. A file is written under a
 * temporary name and renamed once complete, so a file under its final name is never half written. The size is
 * counted on what the format's writer has handed on, so a file may pass the limit by the writer's buffer and one
 * record.
 */
public final class SplitFiles implements PopulationWriter {

    /** A file that is complete under its final name. */
    public record Completed(int number, Path file, long records, long statements, long bytes, String lastRecordId) {
    }

    /** Told of each complete file, before the next one begins. */
    @FunctionalInterface
    public interface Listener {
        void completed(Completed file) throws IOException;
    }

    private final Path directory;
    private final PopulationCollections.Collection collection;
    private final PopulationFormat format;
    private final long maxBytes;
    private final Listener listener;
    private int number;

    private Path temporary;
    private Counting counted;
    private PopulationWriter writer;
    private long records;
    private long statements;
    private String lastRecordId;

    /** @param firstNumber the number of the first file written (files already complete keep theirs) */
    public SplitFiles(Path directory, PopulationCollections.Collection collection, PopulationFormat format,
                      long maxBytes, int firstNumber, Listener listener) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the largest file must have at least one byte");
        }
        this.directory = directory;
        this.collection = collection;
        this.format = format;
        this.maxBytes = maxBytes;
        this.number = firstNumber;
        this.listener = listener;
    }

    /** The final name of file {@code n}: number, collection and the format's extension. */
    public static String fileName(int n, String collection, PopulationFormat format) {
        return String.format("%05d-%s.%s", n, collection, format.extension());
    }

    @Override
    public void record(String recordId, Model model) throws IOException {
        if (writer == null) {
            open();
        }
        writer.record(recordId, model);
        records++;
        statements += model.size();
        lastRecordId = recordId;
        if (counted.bytes >= maxBytes) {
            complete();
        }
    }

    /** Completes the file being written, if any; the number of the next file is then {@link #nextNumber()}. */
    @Override
    public void finish() throws IOException {
        if (writer != null) {
            complete();
        }
    }

    public int nextNumber() {
        return number;
    }

    /** Removes the file being written, when the part stops half way (cancelled or failed). */
    public void abandon() throws IOException {
        if (writer != null) {
            counted.close();
            Files.deleteIfExists(temporary);
            writer = null;
        }
    }

    private void open() throws IOException {
        temporary = directory.resolve(fileName(number, collection.name(), format) + ".part");
        counted = new Counting(new BufferedOutputStream(Files.newOutputStream(temporary), 65536));
        writer = format.open(counted, collection);
        records = 0;
        statements = 0;
    }

    private void complete() throws IOException {
        writer.finish();
        counted.close();
        Path done = directory.resolve(fileName(number, collection.name(), format));
        Files.move(temporary, done, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        writer = null;
        Completed file = new Completed(number, done, records, statements, counted.bytes, lastRecordId);
        number++;
        listener.completed(file);
    }

    /** Counts the bytes written through it. */
    private static final class Counting extends FilterOutputStream {
        private long bytes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }
    }
}
