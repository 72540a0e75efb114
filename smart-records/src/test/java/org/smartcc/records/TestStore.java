package org.smartcc.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.smartcc.records.application.ClinicalNotePoster;
import org.smartcc.records.application.RecordReader;
import org.smartcc.records.application.RecordResponse;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.records.domain.CallMatch;
import org.smartcc.records.internal.DirectoryDocumentFiles;
import org.smartcc.records.internal.JdbcStatementRepository;
import org.smartcc.records.internal.OntologyApiCalls;
import org.smartcc.store.ClinicalStore;
import org.smartcc.store.Database;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.domain.LoadResult;

/** The 60 sample patients loaded into a fresh H2 store, with the record services over it (one per test class). */
final class TestStore implements AutoCloseable {

    static final String API_BASE = "http://localhost:8080";

    final Database db;
    final ApiCallTable calls = OntologyApiCalls.table(SmartOntology.shared());
    final JdbcStatementRepository repository;
    final RecordReader reader;
    final ClinicalNotePoster poster;
    final LoadResult loaded;

    private TestStore(Path dir) throws IOException {
        db = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        loaded = ClinicalStore.of(db).loadPath(samplePatients());
        repository = new JdbcStatementRepository(db);
        reader = new RecordReader(repository, SmartOntology.shared(), new DirectoryDocumentFiles(documents()));
        poster = new ClinicalNotePoster(repository, SmartOntology.shared());
    }

    static TestStore load(Path dir) throws IOException {
        return new TestStore(dir);
    }

    static Path shared() {
        Path dir = Path.of(System.getProperty("smartcc.shared.dir", "../../shared")).normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared data not found at " + dir.toAbsolutePath()
                    + "; set -Dsmartcc.shared.dir");
        }
        return dir;
    }

    static Path samplePatients() {
        return shared().resolve("smart-data/patients/generated");
    }

    static Path documents() {
        return shared().resolve("smart-data/patients/source-data/data/documents");
    }

    static List<String> recordIds() throws IOException {
        try (var files = Files.list(samplePatients())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("p.+\\.xml"))
                    .map(n -> n.substring(1, n.length() - 4)).sorted().toList();
        }
    }

    CallMatch match(String method, String path) {
        return calls.match(method, path).orElseThrow(() -> new AssertionError("no call for " + method + " " + path));
    }

    RecordResponse get(String path, Map<String, List<String>> query) {
        return reader.read(match("GET", path), query, API_BASE);
    }

    @Override
    public void close() {
        db.close();
    }
}
