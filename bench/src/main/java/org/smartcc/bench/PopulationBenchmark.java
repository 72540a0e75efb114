package org.smartcc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.graph.Triple;
import org.smartcc.client.AccessToken;
import org.smartcc.client.PopulationClient;
import org.smartcc.client.SmartClient;

/**
 * Population reads of a large patient set (docs/population.md) against a running container, through the Java client
 * (smart-client) as a granted background app: each format streamed and exported, next to the per-record API's rate
 * for the same data in the same run (the token loop and one record call per record, as a background app reads
 * without population reads), and the server's heap high-water mark during the exports, sampled with {@code jstat}.
 *
 * <p>Arguments: {@code --url http://localhost:8080 --pid SERVER_PID [--collection medications]
 * [--per-record 1000] [--formats text/csv,...] [--set ID] [--user demo --password demouser]
 * [--app smart-connector@apps.smartplatforms.org --secret smartapp-secret]}. The set is every patient with a demographics statement (all synthetic patients of a
 * store generated with {@code --smart-records}, and the samples).
 */
public final class PopulationBenchmark {

    private static final List<String> FORMATS = List.of(PopulationClient.N_TRIPLES, PopulationClient.TURTLE,
            PopulationClient.RDF_XML, PopulationClient.NDJSON, PopulationClient.CSV, PopulationClient.PARQUET);
    private static final String EVERYONE = "{\"definition\": {\"name\": \"bench: everyone\", \"panels\": [{\"items\":"
            + " [{\"key\": \"\\\\\\\\i2b2\\\\SMART\\\\Statement types\\\\Demographics [SMART:Demographics]\\\\\"}]}]},"
            + " \"results\": [\"PATIENTSET\"]}";
    private static final long HEAP_LIMIT_MB = 512;

    private final Map<String, String> options = new LinkedHashMap<>(Map.of("--collection", "medications",
            "--per-record", "1000", "--user", "demo", "--password", "demouser",
            "--app", "smart-connector@apps.smartplatforms.org", "--secret", "smartapp-secret"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        PopulationBenchmark bench = new PopulationBenchmark();
        for (int i = 0; i + 1 < args.length; i += 2) {
            bench.options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !bench.options.containsKey("--url") || !bench.options.containsKey("--pid")) {
            System.err.println("usage: population-bench.sh --url http://localhost:8080 --pid SERVER_PID"
                    + " [--collection medications] [--per-record 1000] [--user U --password P] [--app A --secret S]");
            System.exit(2);
        }
        System.exit(bench.run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        String url = options.get("--url").replaceAll("/$", "");
        String collection = options.get("--collection");
        String app = options.get("--app");
        long setId = options.containsKey("--set") ? Long.parseLong(options.get("--set")) : everyone(url);
        cohort("PUT", url + "/cohort/patient-sets/" + setId + "/grants/" + app);
        if (setId <= 0) {
            throw new IllegalStateException("no patient set to read");
        }
        SmartClient smart = SmartClient.builder(url).consumer(app, options.get("--secret"))
                .timeout(Duration.ofMinutes(30)).build();
        PopulationClient set = smart.population(setId);
        System.out.printf(Locale.ROOT, "population reads of patient set %d, collection %s%n", setId, collection);

        Rate baseline = perRecord(smart, collection, Integer.parseInt(options.get("--per-record")));
        System.out.printf(Locale.ROOT, "%-32s %10s %12s %10s %12s %9s%n", "how", "records", "statements", "MB",
                "stmts/s", "MB/s");
        print("per-record API (token loop)", baseline);

        Map<String, Rate> streamed = new LinkedHashMap<>();
        List<String> formats = options.containsKey("--formats") ? List.of(options.get("--formats").split(","))
                : FORMATS;
        for (String format : formats) {
            Rate rate = stream(set, collection, format);
            streamed.put(format, rate);
        }
        long statements = streamed.get(PopulationClient.N_TRIPLES).statements();
        for (Map.Entry<String, Rate> e : streamed.entrySet()) {
            Rate r = e.getValue().withStatements(statements);
            print("streamed " + e.getKey(), r);
        }

        boolean exported = true;
        for (String format : formats) {
            long started = System.nanoTime();
            String export = set.startExport(List.of(collection), List.of(format), Map.of());
            PopulationClient.ExportStatus done = set.awaitExport(export, Duration.ofHours(2), Duration.ofSeconds(1));
            double seconds = (System.nanoTime() - started) / 1e9;
            long bytes = done.output().stream().mapToLong(PopulationClient.ExportStatus.OutputFile::bytes).sum();
            exported &= done.state().equals("DONE");
            print("exported " + format + " (" + done.output().size() + " files)",
                    new Rate(done.recordsTotal(), statements, bytes, seconds));
            set.deleteExport(export);
        }

        // the heap, in an export of its own: the sampler's full collections would slow the timed ones
        HeapSampler heap = HeapSampler.start(Long.parseLong(options.get("--pid")));
        long heapBefore = heap.usedMb();
        String export = set.startExport(List.of(collection), List.of(PopulationClient.N_TRIPLES), Map.of());
        exported &= set.awaitExport(export, Duration.ofHours(2), Duration.ofSeconds(1)).state().equals("DONE");
        set.deleteExport(export);
        long heapMax = heap.stop();
        long liveMax = heap.liveMaxMb();
        System.out.printf(Locale.ROOT, "server heap during an N-Triples export: live (after a full collection every"
                + " 2 s) high-water %d MB (limit %d MB): %s; used, garbage included, %d MB before and %d MB at most%n",
                liveMax, HEAP_LIMIT_MB, liveMax < HEAP_LIMIT_MB ? "ok" : "OVER", heapBefore, heapMax);
        double ratio = streamed.get(PopulationClient.N_TRIPLES).withStatements(statements).statementsPerSecond()
                / baseline.statementsPerSecond();
        System.out.printf(Locale.ROOT, "streamed N-Triples / per-record API: %.1fx the statements per second%n", ratio);
        cohort("DELETE", url + "/cohort/patient-sets/" + setId + "/grants/" + app);
        return exported && liveMax < HEAP_LIMIT_MB;
    }

    /** The per-record API over the first records of the set, in the app's token loop (tokens included). */
    private static Rate perRecord(SmartClient smart, String collection, int records) {
        long started = System.nanoTime();
        long statements = 0;
        int read = 0;
        for (AccessToken token : smart.recordTokens()) {
            statements += smart.record(token).getMedications().size();
            if (++read == records) {
                break;
            }
        }
        if (!collection.equals("medications")) {
            throw new IllegalArgumentException("the per-record baseline reads medications; use --collection medications");
        }
        return new Rate(read, statements, 0, (System.nanoTime() - started) / 1e9);
    }

    /** One streamed read of the whole set in a format; N-Triples is parsed, so its statements are counted. */
    private static Rate stream(PopulationClient set, String collection, String format) {
        AtomicLong bytes = new AtomicLong();
        AtomicLong statements = new AtomicLong();
        long started = System.nanoTime();
        set.read(collection, format, Map.of(), page -> {
            CountingStream counted = new CountingStream(page);
            if (format.equals(PopulationClient.N_TRIPLES)) {
                RDFParser.source(counted).lang(Lang.NTRIPLES).parse(new StreamRDFBase() {
                    @Override
                    public void triple(Triple triple) {
                        statements.incrementAndGet();
                    }
                });
            } else {
                counted.transferTo(OutputSink.INSTANCE);
            }
            bytes.addAndGet(counted.count());
        });
        return new Rate(0, statements.get(), bytes.get(), (System.nanoTime() - started) / 1e9);
    }

    private static void print(String how, Rate r) {
        System.out.printf(Locale.ROOT, "%-32s %10s %12d %10.1f %12.0f %9s%n", how,
                r.records() == 0 ? "" : Long.toString(r.records()), r.statements(), r.bytes() / 1e6,
                r.statementsPerSecond(), r.bytes() == 0 ? "" : String.format(Locale.ROOT, "%.1f", r.bytes() / 1e6
                        / r.seconds()));
    }

    /** Runs a query for the set of everyone with demographics, as the cohort user; its patient set's id. */
    private long everyone(String url) throws Exception {
        HttpResponse<String> submitted = cohort("POST", url + "/cohort/runs", EVERYONE);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        String run = location.startsWith("http") ? location : url + location;
        for (int i = 0; i < 3600; i++) {
            JsonNode status = JSON.readTree(cohort("GET", run).body());
            String state = status.path("status").asText();
            if (state.equals("FINISHED")) {
                JsonNode set = status.path("results").path(0);
                if (set.path("count").path("value").asLong() == 0) {
                    throw new IllegalStateException("the set of everyone with demographics is empty: " + status);
                }
                return set.path("id").asLong();
            }
            if (!state.equals("QUEUED") && !state.equals("PROCESSING")) {
                throw new IllegalStateException("the cohort run ended " + state + ": " + status);
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the cohort run did not end in an hour");
    }

    private HttpResponse<String> cohort(String method, String url) throws Exception {
        return cohort(method, url, null);
    }

    private HttpResponse<String> cohort(String method, String url, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((options.get("--user") + ":" + options.get("--password"))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic)
                .header("Accept", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer;
    }

    /** Records, statements and bytes in so many seconds. */
    record Rate(long records, long statements, long bytes, double seconds) {
        double statementsPerSecond() {
            return statements / seconds;
        }

        Rate withStatements(long count) {
            return new Rate(records, count, bytes, seconds);
        }
    }

    /** A stream that counts what is read through it. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        long count() {
            return count;
        }
    }

    /** Discards what is written. */
    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /**
     * The server's heap during the exports, two ways: the used heap (survivor, eden, old generation) sampled every
     * 100 ms by {@code jstat -gc}, which includes garbage not yet collected, and the live heap, read by {@code jstat}
     * right after a full collection ({@code jcmd GC.run}) every two seconds: what the server holds on to.
     */
    private static final class HeapSampler {
        private final long pid;
        private final Process jstat;
        private final Thread reader;
        private final Thread collector;
        private final AtomicLong maxKb = new AtomicLong();
        private final AtomicLong lastKb = new AtomicLong();
        private final AtomicLong liveMaxKb = new AtomicLong();
        private volatile boolean running = true;

        private HeapSampler(long pid, Process jstat) {
            this.pid = pid;
            this.jstat = jstat;
            this.reader = new Thread(this::read, "jstat-reader");
            this.collector = new Thread(this::collect, "live-heap");
            reader.setDaemon(true);
            collector.setDaemon(true);
            reader.start();
        }

        static HeapSampler start(long pid) throws IOException {
            HeapSampler sampler = new HeapSampler(pid, new ProcessBuilder("jstat", "-gc", Long.toString(pid), "100")
                    .redirectErrorStream(true).start());
            long until = System.currentTimeMillis() + 5000;
            while (sampler.lastKb.get() == 0 && System.currentTimeMillis() < until) {
                Thread.onSpinWait();
            }
            if (sampler.lastKb.get() == 0) {
                throw new IllegalStateException("jstat -gc " + pid + " gave no sample: is --pid the server's process?");
            }
            sampler.collector.start();
            return sampler;
        }

        private void read() {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream(),
                    StandardCharsets.UTF_8))) {
                List<String> header = new ArrayList<>();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] cells = line.trim().split("\\s+");
                    if (cells.length > 0 && cells[0].equals("S0C")) {
                        header = List.of(cells);
                    } else if (!header.isEmpty() && cells.length == header.size()) {
                        long used = used(header, cells);
                        lastKb.set(used);
                        maxKb.accumulateAndGet(used, Math::max);
                    }
                }
            } catch (IOException | RuntimeException ended) {
                // jstat was stopped
            }
        }

        private void collect() {
            while (running) {
                try {
                    new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true).start()
                            .waitFor();
                    Process once = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true)
                            .start();
                    List<String> lines = new String(once.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                            .lines().toList();
                    if (lines.size() >= 2) {
                        List<String> header = List.of(lines.get(0).trim().split("\\s+"));
                        String[] cells = lines.get(1).trim().split("\\s+");
                        if (cells.length == header.size()) {
                            liveMaxKb.accumulateAndGet(used(header, cells), Math::max);
                        }
                    }
                    Thread.sleep(2000);
                } catch (IOException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private static long used(List<String> header, String[] cells) {
            double used = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                used += Double.parseDouble(cells[header.indexOf(column)]);
            }
            return (long) used;
        }

        long usedMb() {
            return lastKb.get() / 1024;
        }

        /** The live heap's high-water: the most the server held after a full collection. */
        long liveMaxMb() {
            return liveMaxKb.get() / 1024;
        }

        long stop() throws InterruptedException {
            running = false;
            collector.join(10_000);
            jstat.destroy();
            reader.join(2000);
            return maxKb.get() / 1024;
        }
    }
}
