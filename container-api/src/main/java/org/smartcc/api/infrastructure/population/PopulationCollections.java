package org.smartcc.api.infrastructure.population;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.records.domain.CallCategory;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * The collections a patient set is read by, computed once from the call table: a record GET call whose path is
 * {@code /records/{record_id}/<name>/} (or {@code /records/{record_id}/<name>} for the one-statement calls such as
 * demographics) and whose target is a statement class of the ontology, except the photograph, which is a file. Each
 * has its per-record call and its tabular projection (the CSV and Parquet columns).
 */
public final class PopulationCollections {

    /** The photograph is a file (served raw whatever the query says), not a population collection. */
    private static final String PHOTOGRAPH = "Photograph";
    private static final Pattern COLLECTION_PATH = Pattern.compile("/records/\\{record_id}/([a-z_]+)/?");

    /** One collection: its name, the per-record call it reads, and the columns of its tabular projection. */
    public record Collection(String name, ApiCall call, TabularColumns columns) {
    }

    private final Map<String, Collection> byName;

    private PopulationCollections(Map<String, Collection> byName) {
        this.byName = byName;
    }

    /** The collections of a call table, in the call table's order (the first call of a name wins). */
    public static PopulationCollections of(ApiCallTable table, SmartOntology ontology) {
        Map<String, Collection> all = new LinkedHashMap<>();
        for (ApiCall call : table.calls()) {
            Matcher m = COLLECTION_PATH.matcher(call.path().template());
            if (call.httpMethod().equals("GET") && call.category() == CallCategory.RECORD && m.matches()
                    && ontology.statementType(call.targetClass()).isPresent() && !call.targetClass().equals(PHOTOGRAPH)) {
                all.putIfAbsent(m.group(1), new Collection(m.group(1), call, TabularColumns.of(ontology, m.group(1),
                        call.targetClass())));
            }
        }
        return new PopulationCollections(Collections.unmodifiableMap(all));
    }

    /** The collection names, in the call table's order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** @throws CodedException COLLECTION_NOT_FOUND (404) */
    public Collection named(String collection) {
        Collection found = byName.get(collection);
        if (found == null) {
            throw new CodedException(ErrorKind.NOT_FOUND, "COLLECTION_NOT_FOUND", "no per-record collection is named '"
                    + shorten(collection) + "'; see /records/{record_id}/... calls");
        }
        return found;
    }

    /** @throws CodedException COLLECTION_NOT_FOUND (404) */
    public ApiCall call(String collection) {
        return named(collection).call();
    }

    /** Every collection's tabular columns, in name order. */
    public Map<String, TabularColumns> columnsByName() {
        Map<String, TabularColumns> columns = new TreeMap<>();
        byName.forEach((name, collection) -> columns.put(name, collection.columns()));
        return columns;
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
