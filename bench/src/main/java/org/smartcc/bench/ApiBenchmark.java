package org.smartcc.bench;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signed record reads over HTTP against a running container, next to the same server's unsigned {@code GET /manifest}
 * in the same run (the baseline: routing and HTTP without OAuth, database or RDF). Every request is signed afresh by
 * ScribeJava (new nonce and timestamp) with a background-app token of the record it reads, round-robin over all
 * records. Prints requests/s, p50 and p99 per scenario.
 *
 * <p>Arguments: {@code --url http://localhost:8080 [--clients 16] [--seconds 20] [--warmup 10]
 * [--app smart-connector@apps.smartplatforms.org] [--secret smartapp-secret]}.
 */
public final class ApiBenchmark {

    private record Token(String recordId, String key, String secret) {
    }

    private record Result(String scenario, int requests, int errors, double seconds, long p50Nanos, long p99Nanos,
                          long bytes) {
        double perSecond() {
            return requests / seconds;
        }
    }

    @FunctionalInterface
    private interface Call {
        int send(OAuth10aService signer, int i) throws Exception;
    }

    private String url;
    private int clients = 16;
    private int seconds = 20;
    private int warmup = 10;
    private String app = "smart-connector@apps.smartplatforms.org";
    private String secret = "smartapp-secret";

    public static void main(String[] args) throws Exception {
        ApiBenchmark bench = new ApiBenchmark();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> bench.url = args[i + 1].replaceAll("/$", "");
                case "--clients" -> bench.clients = Integer.parseInt(args[i + 1]);
                case "--seconds" -> bench.seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> bench.warmup = Integer.parseInt(args[i + 1]);
                case "--app" -> bench.app = args[i + 1];
                case "--secret" -> bench.secret = args[i + 1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (bench.url == null) {
            throw new IllegalArgumentException("--url of the running container is required");
        }
        bench.run();
    }

    private void run() throws Exception {
        // keep one connection alive per client (the JDK keeps 5 per host by default)
        System.setProperty("http.maxConnections", Integer.toString(clients));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Token> tokens = tokens(http, signer());
        System.out.printf("%d records, %d concurrent clients, %d s per scenario after %d s warm-up%n",
                tokens.size(), clients, seconds, warmup);
        Map<String, Call> scenarios = new LinkedHashMap<>();
        scenarios.put("GET /manifest (unsigned, baseline)", (s, i) -> get(url + "/manifest", Map.of()));
        scenarios.put("signed GET /records/{id}/medications/", (s, i) -> signedGet(s,
                tokens.get(i % tokens.size()), "/medications/"));
        scenarios.put("signed GET /records/{id}/vital_sign_sets/", (s, i) -> signedGet(s,
                tokens.get(i % tokens.size()), "/vital_sign_sets/"));
        for (Map.Entry<String, Call> s : scenarios.entrySet()) {
            measure(s.getKey(), s.getValue(), warmup);
        }
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, Call> s : scenarios.entrySet()) {
            results.add(measure(s.getKey(), s.getValue(), seconds));
        }
        double baseline = results.get(0).perSecond();
        System.out.printf("%-44s %9s %9s %8s %8s %7s %9s %9s%n", "scenario", "requests", "req/s", "p50 ms",
                "p99 ms", "errors", "avg KB", "vs base");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-44s %9d %9.0f %8.1f %8.1f %7d %9.1f %8.2fx%n", r.scenario(),
                    r.requests(), r.perSecond(), r.p50Nanos() / 1e6, r.p99Nanos() / 1e6, r.errors(),
                    r.bytes() / 1024.0 / Math.max(1, r.requests()), r.perSecond() / baseline);
        }
    }

    private int signedGet(OAuth10aService signer, Token token, String collection) throws Exception {
        OAuthRequest request = new OAuthRequest(Verb.GET, url + "/records/" + token.recordId() + collection);
        signer.signRequest(new OAuth1AccessToken(token.key(), token.secret()), request);
        return get(request.getCompleteUrl(), request.getHeaders());
    }

    /**
     * One GET on a kept-alive connection, the body read to the end. The JDK's plain URL connection, because the load
     * generator shares the two cores with the server and {@code java.net.http.HttpClient} costs several times more
     * CPU per request.
     */
    private static int get(String target, Map<String, String> headers) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(target).toURL().openConnection();
        headers.forEach(connection::setRequestProperty);
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                BYTES.get()[0] += body.transferTo(OutputStream.nullOutputStream());
            }
        }
        return status;
    }

    /** Response bytes read by the current client thread. */
    private static final ThreadLocal<long[]> BYTES = ThreadLocal.withInitial(() -> new long[1]);

    private Result measure(String scenario, Call call, int durationSeconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + durationSeconds * 1_000_000_000L;
        List<Future<long[]>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                OAuth10aService signer = signer();
                long[] latencies = new long[1 << 16];
                int n = 0;
                int errors = 0;
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    int status = call.send(signer, next.getAndIncrement());
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - t;
                    if (status != 200) {
                        errors++;
                    }
                }
                long[] out = Arrays.copyOf(latencies, n + 2);
                out[n] = errors;
                out[n + 1] = BYTES.get()[0];
                BYTES.get()[0] = 0;
                return out;
            }));
        }
        List<Long> all = new ArrayList<>();
        int errors = 0;
        long bytes = 0;
        for (Future<long[]> w : workers) {
            long[] l = w.get();
            errors += (int) l[l.length - 2];
            bytes += l[l.length - 1];
            for (int i = 0; i < l.length - 2; i++) {
                all.add(l[i]);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(scenario, sorted.length, errors, elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99),
                bytes);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** One token per record from the background-app loop (smart-classic §4.6). */
    private List<Token> tokens(HttpClient http, OAuth10aService signer) throws Exception {
        List<Token> tokens = new ArrayList<>();
        String next = url + "/apps/" + app + "/tokens/records/first";
        while (true) {
            OAuthRequest request = new OAuthRequest(Verb.POST, next);
            signer.signRequest(new OAuth1AccessToken("", ""), request);
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(next))
                    .POST(HttpRequest.BodyPublishers.noBody());
            request.getHeaders().forEach(builder::header);
            HttpResponse<String> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 404) {
                return tokens;
            }
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("token loop answered " + answer.statusCode() + ": " + answer.body());
            }
            Map<String, String> form = form(answer.body());
            tokens.add(new Token(form.get("smart_record_id"), form.get("oauth_token"), form.get("oauth_token_secret")));
            next = url + "/apps/" + app + "/tokens/records/" + form.get("smart_record_id") + "/next";
        }
    }

    private OAuth10aService signer() {
        return AppSigner.of(app, secret);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
