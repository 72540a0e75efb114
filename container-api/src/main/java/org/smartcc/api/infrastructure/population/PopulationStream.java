package org.smartcc.api.infrastructure.population;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.smartcc.records.application.RecordReader;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.CallMatch;
import org.smartcc.records.domain.ErrorCode;
import org.smartcc.records.domain.RecordsException;
import org.smartcc.store.Vocab;

/**
 * Reads a collection record after record exactly as the per-record call does ({@code RecordResource}: the same call
 * of the call table, the same filters, the same reader) and hands each answer, without its response summary, to a
 * writer. One record's answer is in memory at a time.
 */
public final class PopulationStream {

    private static final Resource RESPONSE_SUMMARY = org.apache.jena.rdf.model.ResourceFactory
            .createResource(Vocab.API + "ResponseSummary");

    private final RecordReader reader;

    public PopulationStream(RecordReader reader) {
        this.reader = reader;
    }

    /** What was written so far: counted as it goes, so a response cut short is still audited with what it served. */
    public static final class Tally {
        private int records;
        private long statements;

        public int records() {
            return records;
        }

        public long statements() {
            return statements;
        }
    }

    /**
     * Writes the records in the given order; a record removed since the page was chosen is skipped (its set's
     * fingerprint has changed, so the next cursor expires).
     *
     * @param filters the per-record call's query parameters, decoded, without paging or cursor
     */
    public void write(ApiCall call, Map<String, List<String>> filters, String apiBase, List<String> recordIds,
                      PopulationWriter writer, Tally tally) throws IOException {
        for (String recordId : recordIds) {
            Model statements;
            try {
                statements = reader.read(new CallMatch(call, Map.of("record_id", recordId)), filters, apiBase).model();
            } catch (RecordsException e) {
                if (ErrorCode.RECORD_NOT_FOUND.name().equals(e.code())) {
                    continue;
                }
                throw e;
            }
            withoutSummary(statements);
            writer.record(recordId, statements);
            tally.records++;
            tally.statements += statements.size();
        }
    }

    /** Drops the {@code api:ResponseSummary}: it describes one record's answer, not the set's. */
    static void withoutSummary(Model statements) {
        for (Resource summary : statements.listSubjectsWithProperty(RDF.type, RESPONSE_SUMMARY).toList()) {
            statements.removeAll(summary, null, null);
        }
    }
}
