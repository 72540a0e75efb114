package org.smartcc.store.application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.smartcc.store.domain.ClinicalRecord;
import org.smartcc.store.domain.InvalidRecordException;
import org.smartcc.store.domain.LoadResult;
import org.smartcc.store.internal.jdbc.JdbcClinicalStore;
import org.smartcc.store.internal.rdf.SmartRecordMapper;

/**
 * Loads SMART RDF/XML patient files (one file or a folder of them) into the store, one patient per transaction.
 * A bad file is reported with its name and problem and the others still load; loading unchanged content again is a
 * no-op.
 */
public final class RecordLoader {

    private static final Logger LOG = Logger.getLogger(RecordLoader.class.getName());
    /** The reference loader's rule: the record id is the digits of the file name ({@code p1234.xml} is 1234). */
    private static final Pattern SAMPLE_FILE = Pattern.compile("p?([A-Za-z0-9._-]+?)\\.(xml|rdf)");

    private final SmartRecordMapper mapper;
    private final JdbcClinicalStore store;

    public RecordLoader(SmartRecordMapper mapper, JdbcClinicalStore store) {
        this.mapper = mapper;
        this.store = store;
    }

    /** Loads every {@code *.xml}/{@code *.rdf} file of a folder (not recursive), or one file. */
    public LoadResult loadPath(Path path) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> listing = Files.list(path)) {
                files = listing.filter(p -> recordIdOf(p.getFileName().toString()).isPresent()).sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        List<String> loaded = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<LoadResult.Rejection> rejected = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Optional<String> recordId = recordIdOf(name);
            if (recordId.isEmpty()) {
                rejected.add(new LoadResult.Rejection(name, "FILE_NAME",
                        name + ": a record file is named p<record id>.xml (e.g. p1234.xml)"));
                continue;
            }
            LoadResult single = load(recordId.get(), name, Files.readAllBytes(file));
            loaded.addAll(single.loaded());
            unchanged.addAll(single.unchanged());
            rejected.addAll(single.rejected());
        }
        return new LoadResult(loaded, unchanged, rejected);
    }

    /** Loads one record from RDF/XML content. */
    public LoadResult load(String recordId, String sourceName, byte[] rdfXml) {
        try {
            String sha = SmartRecordMapper.sha256(rdfXml);
            if (store.sourceHash(recordId).filter(sha::equals).isPresent()) {
                return new LoadResult(List.of(), List.of(recordId), List.of());
            }
            ClinicalRecord record = mapper.map(recordId, sourceName, rdfXml);
            store.replace(record);
            return new LoadResult(List.of(recordId), List.of(), List.of());
        } catch (InvalidRecordException e) {
            LOG.warning(() -> "rejected " + sourceName + " [" + e.code() + "]: " + e.getMessage());
            return new LoadResult(List.of(), List.of(), List.of(new LoadResult.Rejection(sourceName, e.code(), e.getMessage())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not store " + sourceName, e);
            return new LoadResult(List.of(), List.of(), List.of(new LoadResult.Rejection(sourceName, "STORE_FAILED",
                    sourceName + ": could not be stored: " + e.getMessage())));
        }
    }

    public static Optional<String> recordIdOf(String fileName) {
        Matcher m = SAMPLE_FILE.matcher(fileName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
