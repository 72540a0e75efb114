package org.smartcc.api.infrastructure.population;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.smartcc.records.RecordApi;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;
import org.smartcc.store.SmartOntology;

/** A few sample patients in a fresh H2 store, and their per-record answers as the population writers get them. */
final class SampleRecords implements AutoCloseable {

    static final String API_BASE = "http://localhost:8080";
    static final ApiCallTable CALLS = RecordApi.callTable(SmartOntology.shared());
    static final PopulationCollections COLLECTIONS = PopulationCollections.of(CALLS, SmartOntology.shared());

    private final Database db;
    private final RecordApi records;

    private SampleRecords(Path dir, List<String> recordIds) throws IOException {
        db = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        ClinicalStore store = ClinicalStore.of(db);
        for (String id : recordIds) {
            store.loadPath(samples().resolve("p" + id + ".xml"));
        }
        records = RecordApi.open(db, SmartOntology.shared(), Optional.empty());
    }

    static SampleRecords load(Path dir, String... recordIds) throws IOException {
        return new SampleRecords(dir, List.of(recordIds));
    }

    static Path samples() {
        return Path.of(System.getProperty("smartcc.shared.dir", "../../shared"), "smart-data/patients/generated");
    }

    static TabularColumns columns(String collection) {
        return COLLECTIONS.named(collection).columns();
    }

    /** The answer of {@code GET /records/{id}/{collection}/}, all of it (no paging parameter). */
    Model answer(String recordId, String collection) {
        String path = "/records/" + recordId + "/" + collection + "/";
        return records.reader().read(CALLS.match("GET", path).orElseThrow(), Map.of(), API_BASE).model();
    }

    @Override
    public void close() {
        db.close();
    }
}
