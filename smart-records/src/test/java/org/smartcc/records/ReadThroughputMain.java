package org.smartcc.records;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.smartcc.records.RdfFormat;

/**
 * A rough timing of the in-process read path (store query, parse, assemble, RDF/XML) for {@code medications/} and
 * {@code vital_sign_sets/}: prints reads per second on one thread and on two. Not a test; run it by hand:
 * {@code java -cp <test classpath> org.smartcc.records.ReadThroughputMain}.
 */
public final class ReadThroughputMain {

    private ReadThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("smart-records-timing");
        try (TestStore store = TestStore.load(dir)) {
            List<String> paths = List.of("/records/1081332/medications/", "/records/1134281/medications/",
                    "/records/1272431/vital_sign_sets/", "/records/99912345/vital_sign_sets/");
            for (String path : paths) {
                int bytes = store.get(path, Map.of()).body(RdfFormat.RDF_XML).length;
                System.out.printf("%-40s %7d bytes of RDF/XML%n", path, bytes);
            }
            run(store, paths, 1, 4_000);
            for (String path : paths) {
                for (int threads : new int[] {1, 2}) {
                    long took = run(store, List.of(path), threads, 4_000);
                    System.out.printf("%-40s %d thread(s): %6.0f reads/s%n", path, threads, 4_000 * 1e9 / took);
                }
            }
        }
    }

    private static long run(TestStore store, List<String> paths, int threads, int reads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> jobs = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            jobs.add(pool.submit(() -> {
                for (int i = offset; i < reads; i += threads) {
                    store.get(paths.get(i % paths.size()), Map.of()).writeTo(OutputStream.nullOutputStream(), RdfFormat.RDF_XML);
                }
            }));
        }
        for (Future<?> job : jobs) {
            job.get();
        }
        pool.shutdown();
        return System.nanoTime() - start;
    }
}
