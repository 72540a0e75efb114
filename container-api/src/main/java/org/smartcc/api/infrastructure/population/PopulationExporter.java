package org.smartcc.api.infrastructure.population;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.smartcc.api.application.ExportStore;
import org.smartcc.api.application.PopulationReads;
import org.smartcc.api.application.PopulationSets;
import org.smartcc.api.domain.ExportFile;
import org.smartcc.api.domain.PopulationExport;
import org.smartcc.api.domain.PopulationExport.State;
import org.smartcc.records.domain.RecordQueryParser;
import org.smartcc.store.Incidents;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * Asynchronous exports (docs/population.md): a kick-off stores the export and queues it; one worker thread writes its
 * parts (each collection in each format) with the streamed reads' writers, record by record as the per-record API
 * reads them, to files split at a size under {@code smartcc.export.dir}. State and complete files are stored, so a
 * restart resumes a running export after its last complete file, or fails it when its set changed; files are removed
 * when an export is deleted, fails or expires.
 */
public final class PopulationExporter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PopulationExporter.class.getName());
    /** Records read between two looks at whether the export was cancelled or the server is stopping. */
    private static final int BATCH = 100;

    /** What an app asks to export; empty lists mean every collection, and N-Triples. */
    public record Request(List<String> collections, List<String> formats, Map<String, String> filters) {
    }

    /** Settings: the folder, the size files are split at, and how long files are kept after the export ends. */
    public record Settings(Path directory, long maxFileBytes, Duration ttl) {
    }

    private final ExportStore store;
    private final PopulationSets sets;
    private final PopulationReads reads;
    private final PopulationCollections collections;
    private final PopulationStream stream;
    private final Settings settings;
    private final ScheduledExecutorService worker;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile String current;

    public PopulationExporter(ExportStore store, PopulationSets sets, PopulationReads reads,
                              PopulationCollections collections, PopulationStream stream, Settings settings,
                              ScheduledExecutorService worker, Clock clock) {
        this.store = store;
        this.sets = sets;
        this.reads = reads;
        this.collections = collections;
        this.stream = stream;
        this.settings = settings;
        this.worker = worker;
        this.clock = clock;
    }

    /**
     * Once the store is open: resumes the exports a stopped server left running (or fails those whose set changed),
     * and from then on removes expired exports' files every few minutes.
     */
    public void start() {
        for (PopulationExport export : store.running()) {
            worker.execute(() -> run(export.id()));
        }
        worker.scheduleWithFixedDelay(this::removeExpired, 0, 5, TimeUnit.MINUTES);
    }

    /**
     * Stores and queues an export of the set under the app's grant.
     *
     * @throws CodedException COLLECTION_NOT_FOUND (404), EXPORT_INVALID (400) for an unknown format, BAD_FILTER (400)
     */
    public PopulationExport kickOff(PopulationReads.Grant grant, Request request, String apiBase) {
        List<String> names = request.collections().isEmpty() ? collections.names() : request.collections();
        List<String> formats = request.formats().isEmpty() ? List.of(PopulationFormat.N_TRIPLES.mediaType())
                : request.formats();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        request.filters().forEach((name, value) -> filters.put(name, List.of(value)));
        for (String name : names) {
            RecordQueryParser.parse(collections.call(name), filters);
        }
        List<String> mediaTypes = new ArrayList<>();
        for (String format : formats) {
            mediaTypes.add(PopulationFormat.ofMediaType(format).orElseThrow(() -> new CodedException(
                    ErrorKind.INVALID_INPUT, "EXPORT_INVALID", "no export format is " + format + "; formats: "
                    + String.join(", ", Stream.of(PopulationFormat.values()).map(PopulationFormat::mediaType)
                    .toList()))).mediaType());
        }
        PopulationSets.SetState state = sets.state(grant.setId());
        List<String> distinctNames = names.stream().distinct().toList();
        List<String> distinctTypes = mediaTypes.stream().distinct().toList();
        PopulationExport export = new PopulationExport(UUID.randomUUID().toString(), grant.appId(), grant.grantedBy(),
                grant.setId(), distinctNames, distinctTypes, encode(filters), apiBase, State.RUNNING,
                state.fingerprint(), (long) state.records() * distinctNames.size() * distinctTypes.size(), 0, 0, 0,
                null, clock.instant(), null, null);
        store.create(export);
        reads.exportStarted(grant, export.id());
        worker.execute(() -> run(export.id()));
        return export;
    }

    /** An export of this app that it may still see (running, done or failed); anything else answers as absent. */
    public PopulationExport find(String appId, String exportId) {
        return store.find(exportId).filter(e -> e.appId().equals(appId))
                .filter(e -> e.state() != State.CANCELLED && e.state() != State.EXPIRED)
                .orElseThrow(() -> new CodedException(ErrorKind.NOT_FOUND, "EXPORT_NOT_FOUND", "no export " + exportId));
    }

    /** The complete files of a done export, in order; none while it runs. */
    public List<ExportFile> files(PopulationExport export) {
        return export.state() == State.DONE ? store.files(export.id()) : List.of();
    }

    /** File {@code n} of a done export, with its path. */
    public ExportFile file(PopulationExport export, int n) {
        return files(export).stream().filter(f -> f.number() == n).findFirst().orElseThrow(() ->
                new CodedException(ErrorKind.NOT_FOUND, "EXPORT_FILE_NOT_FOUND", "export " + export.id()
                        + " has no file " + n + (export.state() == State.DONE ? "" : " yet: it is " + export.state())));
    }

    public Path path(ExportFile file) {
        return directory(file.exportId()).resolve(file.fileName());
    }

    /** Cancels a running export or deletes a finished one: its files go, and it never gets a manifest. */
    public void cancel(PopulationExport export) {
        boolean running;
        synchronized (lock) {
            store.close(export.id(), State.CANCELLED, clock.instant());
            running = export.id().equals(current);
        }
        if (export.state() == State.RUNNING) {
            reads.exportEnded(grantOf(export), export.id(), State.CANCELLED.name());
        }
        if (!running) {
            removeFiles(export.id()); // else the worker removes them when it sees the cancellation
        }
    }

    private void run(String id) {
        try {
            runChecked(id);
        } catch (RuntimeException | Error e) { // the executor would drop it unseen
            Incidents.log("an export", e);
        }
    }

    private void runChecked(String id) {
        PopulationExport export = store.find(id).orElse(null);
        if (export == null || export.state() != State.RUNNING) {
            return;
        }
        List<ExportFile> done = store.files(id);
        Optional<PopulationExport.ResumePoint> point = export.resumePoint(done,
                sets.state(export.setId()).fingerprint());
        if (point.isEmpty()) {
            end(export, State.FAILED, "patient set " + export.setId() + " changed while the export was stopped");
            return;
        }
        current = id;
        SplitFiles[] writing = new SplitFiles[1];
        try {
            write(export, point.get(), done, writing);
            end(export, State.DONE, null);
        } catch (Stopped stopped) {
            abandon(writing[0]);
            if (stopped.cancelled) {
                removeFiles(id);
            } // a server stopping leaves the export RUNNING: the next start resumes it
        } catch (Exception | Error e) {
            abandon(writing[0]);
            if (Thread.currentThread().isInterrupted()) {
                return; // the server is stopping (the store may refuse an interrupted thread): resumed at next start
            }
            end(export, State.FAILED, "the export failed (incident " + Incidents.log("an export", e) + ")");
        } finally {
            current = null;
        }
    }

    private void write(PopulationExport export, PopulationExport.ResumePoint point, List<ExportFile> done,
                       SplitFiles[] writing) throws IOException {
        String id = export.id();
        Path directory = directory(id);
        Files.createDirectories(directory);
        long[] progress = {done.stream().mapToLong(ExportFile::records).sum(),
                done.stream().mapToLong(ExportFile::bytes).sum()};
        Map<String, List<String>> filters = decode(export.filters());
        PopulationReads.Grant grant = grantOf(export);
        int nextFile = point.nextFile();
        for (PopulationExport.Part part : export.parts().subList(point.part(), export.parts().size())) {
            PopulationCollections.Collection collection = collections.named(part.collection());
            PopulationFormat format = PopulationFormat.ofMediaType(part.format()).orElseThrow();
            SplitFiles files = new SplitFiles(directory, collection, format, settings.maxFileBytes(), nextFile,
                    c -> {
                        progress[1] += c.bytes();
                        store.fileDone(new ExportFile(id, c.number(), part.index(), part.collection(), part.format(),
                                c.file().getFileName().toString(), c.records(), c.statements(), c.bytes(),
                                c.lastRecordId()), progress[0], progress[1]);
                    });
            writing[0] = files;
            PopulationStream.Tally tally = new PopulationStream.Tally();
            Optional<String> after = part.index() == point.part() ? point.after() : Optional.empty();
            long before = 0;
            while (true) {
                checkGoingOn(id);
                List<String> batch = sets.recordsAfter(export.setId(), after, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                stream.write(collection.call(), filters, export.apiBase(), batch, files, tally);
                progress[0] += tally.records() - before;
                before = tally.records();
                store.progress(id, progress[0], progress[1]);
                after = Optional.of(batch.get(batch.size() - 1));
            }
            files.finish();
            writing[0] = null;
            nextFile = files.nextNumber();
            store.partDone(id, part.index() + 1);
            reads.audited(grant, part.collection(), "export " + part.format(), tally.records(), tally.statements());
        }
    }

    /** @throws Stopped when the export was cancelled or the server is stopping */
    private void checkGoingOn(String id) {
        if (Thread.currentThread().isInterrupted()) {
            throw new Stopped(false);
        }
        if (store.find(id).map(e -> e.state() != State.RUNNING).orElse(true)) {
            throw new Stopped(true);
        }
    }

    private void end(PopulationExport export, State state, String message) {
        Instant now = clock.instant();
        boolean ended;
        synchronized (lock) {
            ended = store.finish(export.id(), state, message, now, now.plus(settings.ttl()));
        }
        if (ended) {
            reads.exportEnded(grantOf(export), export.id(), state.name());
        }
        if (!ended || state == State.FAILED) {
            removeFiles(export.id()); // cancelled meanwhile, or failed half way: no file of it stays
        }
    }

    /** The grant the export reads under, as it was when kicked off. */
    private static PopulationReads.Grant grantOf(PopulationExport export) {
        return new PopulationReads.Grant(export.appId(), export.grantedBy(), export.setId());
    }

    private void removeExpired() {
        try {
            for (PopulationExport export : store.expired(clock.instant())) {
                removeFiles(export.id());
                store.close(export.id(), State.EXPIRED, clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "expired exports could not be removed; trying again later", e);
        }
    }

    private Path directory(String exportId) {
        return settings.directory().resolve(exportId);
    }

    private void removeFiles(String exportId) {
        Path directory = directory(exportId);
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (NoSuchFileException e) {
            // nothing was written
        } catch (IOException e) {
            throw new UncheckedIOException("the files of export " + exportId + " could not be removed", e);
        }
    }

    private static void abandon(SplitFiles files) {
        if (files != null) {
            try {
                files.abandon();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "a half-written export file could not be removed", e);
            }
        }
    }

    static String encode(Map<String, List<String>> filters) {
        List<String> pairs = new ArrayList<>();
        filters.forEach((name, values) -> values.forEach(v -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }

    static Map<String, List<String>> decode(String query) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                filters.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        k -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return filters;
    }

    /** Stops the worker; an export it was writing stays RUNNING and resumes at the next start. */
    @Override
    public void close() throws InterruptedException {
        worker.shutdownNow();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warning("the export worker did not stop within 30 s");
        }
    }

    /** The export stops: cancelled by its app, or the server is stopping. */
    private static final class Stopped extends RuntimeException {
        private final boolean cancelled;

        Stopped(boolean cancelled) {
            super(null, null, false, false);
            this.cancelled = cancelled;
        }
    }
}
