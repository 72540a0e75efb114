package org.smartcc.api.infrastructure.population;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smartcc.records.RecordApi;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.records.domain.CallCategory;
import org.smartcc.store.SmartOntology;

/**
 * The tabular projection of every per-record collection of the call table, computed once: a collection is a record
 * GET call whose path is {@code /records/{record_id}/<name>/} (or {@code /records/{record_id}/<name>} for the
 * one-statement calls such as demographics) and whose target is a statement class of the ontology, except the
 * photograph, which is a file.
 */
public final class TabularProjections {

    /** The photograph is a file (served raw whatever the query says), not a population collection. */
    private static final String PHOTOGRAPH = "Photograph";
    private static final Pattern COLLECTION_PATH = Pattern.compile("/records/\\{record_id}/([a-z_]+)/?");

    private static volatile TabularProjections shared;

    private final Map<String, TabularColumns> byCollection;

    private TabularProjections(Map<String, TabularColumns> byCollection) {
        this.byCollection = byCollection;
    }

    public static TabularProjections of(ApiCallTable table, SmartOntology ontology) {
        Map<String, TabularColumns> all = new TreeMap<>();
        for (ApiCall call : table.calls()) {
            Matcher m = COLLECTION_PATH.matcher(call.path().template());
            if (call.httpMethod().equals("GET") && call.category() == CallCategory.RECORD && m.matches()
                    && ontology.statementType(call.targetClass()).isPresent() && !call.targetClass().equals(PHOTOGRAPH)) {
                all.putIfAbsent(m.group(1), TabularColumns.of(ontology, m.group(1), call.targetClass()));
            }
        }
        return new TabularProjections(Collections.unmodifiableMap(all));
    }

    /**
     * The projections of the shared ontology's call table (the one the server routes by), computed on first use: a
     * pure function of the ontology, so the tabular writers need no injection.
     */
    public static TabularProjections shared() {
        TabularProjections projections = shared;
        if (projections == null) {
            projections = of(RecordApi.callTable(SmartOntology.shared()), SmartOntology.shared());
            shared = projections;
        }
        return projections;
    }

    /** The collections by name, in name order. */
    public Map<String, TabularColumns> all() {
        return byCollection;
    }

    public Optional<TabularColumns> columns(String collection) {
        return Optional.ofNullable(byCollection.get(collection));
    }

    /** @throws IllegalStateException for a collection the population reads serve but no projection has (a bug) */
    TabularColumns require(String collection) {
        return columns(collection).orElseThrow(() -> new IllegalStateException("collection " + collection
                + " has no tabular projection"));
    }
}
