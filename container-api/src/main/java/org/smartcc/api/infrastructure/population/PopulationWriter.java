package org.smartcc.api.infrastructure.population;

import java.io.IOException;
import org.apache.jena.rdf.model.Model;

/**
 * Writes one collection of a patient set in one format, one record at a time, so that memory does not grow with the
 * set. Not thread-safe: one writer serves one response or one export file.
 */
public interface PopulationWriter {

    /** Writes one record's statements: the per-record call's answer for that record, without its response summary. */
    void record(String recordId, Model statements) throws IOException;

    /** Writes what ends the document (RDF/XML's end tag, Parquet's footer) and flushes; leaves the stream open. */
    void finish() throws IOException;
}
