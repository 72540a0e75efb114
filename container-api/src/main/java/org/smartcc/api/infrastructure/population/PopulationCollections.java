package org.smartcc.api.infrastructure.population;

import java.util.List;
import org.smartcc.records.application.RecordReader;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * The collections a patient set is read by: every per-record call {@code /records/{record_id}/<name>/} of the
 * ontology's call table that the record reader serves as RDF (collections, and the singletons demographics and social
 * history); not the photograph, which is a file.
 */
public final class PopulationCollections {

    private static final String RECORD = "/records/{record_id}/";

    private final List<ApiCall> calls;

    public PopulationCollections(ApiCallTable table, RecordReader reader) {
        this.calls = table.calls().stream()
                .filter(c -> reader.serves(c) && !"Photograph".equals(c.targetClass()))
                .filter(c -> c.path().variables().equals(List.of("record_id")))
                .filter(c -> c.path().template().startsWith(RECORD))
                .toList();
    }

    /** The collection names, in the call table's order. */
    public List<String> names() {
        return calls.stream().map(PopulationCollections::name).distinct().toList();
    }

    /** @throws CodedException COLLECTION_NOT_FOUND (404) */
    public ApiCall call(String collection) {
        return calls.stream().filter(c -> name(c).equals(collection)).findFirst()
                .orElseThrow(() -> new CodedException(ErrorKind.NOT_FOUND, "COLLECTION_NOT_FOUND", "no per-record"
                        + " collection is named '" + shorten(collection) + "'; see /records/{record_id}/... calls"));
    }

    private static String name(ApiCall call) {
        String rest = call.path().template().substring(RECORD.length());
        return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
