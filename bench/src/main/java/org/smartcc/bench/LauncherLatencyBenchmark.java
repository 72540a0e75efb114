package org.smartcc.bench;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The latency the launcher adds to an app's api_call: the same record read through the launcher's SMART Connect proxy
 * ({@code GET /launcher/ui/connect/{uuid}/records/{id}/...} with a logged-in session) and signed directly to the API
 * server with a background-app token of the record, interleaved one by one in the same run (A B B A ...) so that
 * both see the same server state. One client, sequential: this measures latency, not throughput. Prints p50 and p95
 * of both and their difference.
 *
 * <p>Arguments: {@code --url http://localhost:8080 [--requests 1000] [--warmup 200] [--path /medications/]
 * [--record <id>] [--user dev] [--password dev] [--app med-problems@apps.smartcc.local]
 * [--background-app smart-connector@apps.smartplatforms.org] [--secret smartapp-secret]}.
 */
public final class LauncherLatencyBenchmark {

    private static final Pattern UUID = Pattern.compile("\"uuid\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("\"csrf_token\"\\s*:\\s*\"([^\"]+)\"");

    private String url;
    private int requests = 1000;
    private int warmup = 200;
    private String path = "/medications/";
    private String record;
    private String user = "dev";
    private String password = "dev";
    private String app = "med-problems@apps.smartcc.local";
    private String backgroundApp = "smart-connector@apps.smartplatforms.org";
    private String secret = "smartapp-secret";

    public static void main(String[] args) throws Exception {
        LauncherLatencyBenchmark bench = new LauncherLatencyBenchmark();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--url" -> bench.url = value.replaceAll("/$", "");
                case "--requests" -> bench.requests = Integer.parseInt(value);
                case "--warmup" -> bench.warmup = Integer.parseInt(value);
                case "--path" -> bench.path = value;
                case "--record" -> bench.record = value;
                case "--user" -> bench.user = value;
                case "--password" -> bench.password = value;
                case "--app" -> bench.app = value;
                case "--background-app" -> bench.backgroundApp = value;
                case "--secret" -> bench.secret = value;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (bench.url == null) {
            throw new IllegalArgumentException("--url of the running container is required");
        }
        bench.run();
    }

    private void run() throws Exception {
        OAuth10aService signer = AppSigner.of(backgroundApp, secret);
        Map<String, String> token = backgroundToken(signer);
        record = token.get("smart_record_id");
        String session = logIn();
        String uuid = launch(session);
        String proxied = url + "/launcher/ui/connect/" + uuid + "/records/" + record + path;
        String direct = url + "/records/" + record + path;
        OAuth1AccessToken access = new OAuth1AccessToken(token.get("oauth_token"), token.get("oauth_token_secret"));
        Map<String, String> cookie = Map.of("Cookie", session);

        byte[] viaLauncher = get(proxied, cookie).body();
        byte[] straight = get(direct, signed(signer, access, direct)).body();
        if (!Arrays.equals(viaLauncher, straight)) {
            throw new IllegalStateException("the launcher's answer differs from the API server's (" + viaLauncher.length
                    + " against " + straight.length + " bytes)");
        }
        System.out.printf("record %s, GET .../records/{id}%s (%d bytes), %d requests each after %d warm-up,"
                + " interleaved%n", record, path, straight.length, requests, warmup);

        long[] launcherNanos = new long[requests];
        long[] directNanos = new long[requests];
        for (int i = -warmup; i < requests; i++) {
            boolean launcherFirst = (i & 1) == 0;
            long first = launcherFirst ? timed(proxied, cookie) : timed(direct, signed(signer, access, direct));
            long second = launcherFirst ? timed(direct, signed(signer, access, direct)) : timed(proxied, cookie);
            if (i >= 0) {
                launcherNanos[i] = launcherFirst ? first : second;
                directNanos[i] = launcherFirst ? second : first;
            }
        }
        Arrays.sort(launcherNanos);
        Arrays.sort(directNanos);
        System.out.printf("%-46s %8s %8s%n", "scenario", "p50 ms", "p95 ms");
        print("signed directly to the API server (baseline)", directNanos);
        print("through the launcher's SMART Connect proxy", launcherNanos);
        System.out.printf(Locale.ROOT, "%-46s %8.2f %8.2f%n", "added by the launcher",
                (percentile(launcherNanos, 0.50) - percentile(directNanos, 0.50)) / 1e6,
                (percentile(launcherNanos, 0.95) - percentile(directNanos, 0.95)) / 1e6);
    }

    private static void print(String scenario, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-46s %8.2f %8.2f%n", scenario, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.95) / 1e6);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private long timed(String target, Map<String, String> headers) throws Exception {
        long start = System.nanoTime();
        Answer answer = get(target, headers);
        long elapsed = System.nanoTime() - start;
        if (answer.status() != 200) {
            throw new IllegalStateException(target + " answered " + answer.status());
        }
        return elapsed;
    }

    private static Map<String, String> signed(OAuth10aService signer, OAuth1AccessToken token, String target) {
        OAuthRequest request = new OAuthRequest(Verb.GET, target);
        signer.signRequest(token, request);
        return request.getHeaders();
    }

    private record Answer(int status, byte[] body) {
    }

    /** One GET on a kept-alive connection (the JDK's plain URL connection costs the shared cores least). */
    private static Answer get(String target, Map<String, String> headers) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(target).toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        headers.forEach(connection::setRequestProperty);
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Answer(status, body == null ? new byte[0] : body.readAllBytes());
        }
    }

    /** The background app's token for the chosen record, or for the first record (smart-classic §4.6). */
    private Map<String, String> backgroundToken(OAuth10aService signer) throws Exception {
        String target = url + "/apps/" + backgroundApp + "/tokens/records/" + (record == null ? "first" : record);
        OAuthRequest request = new OAuthRequest(record == null ? Verb.POST : Verb.GET, target);
        signer.signRequest(new OAuth1AccessToken("", ""), request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target))
                .method(request.getVerb().name(), HttpRequest.BodyPublishers.noBody());
        request.getHeaders().forEach(builder::header);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(builder.build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the token loop answered " + answer.statusCode() + ": " + answer.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : answer.body().trim().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        form.putIfAbsent("smart_record_id", record);
        return form;
    }

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    private String csrf;

    /** Logs in through the launcher's login form as a browser would; answers the session's Cookie header. */
    private String logIn() throws Exception {
        browser.send(HttpRequest.newBuilder(URI.create(url + "/launcher/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(URI.create(url + "/launcher/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> session = browser.send(HttpRequest.newBuilder(URI.create(url + "/launcher/ui/session"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(session.body());
        if (session.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("could not log in as " + user + ": GET /launcher/ui/session answered "
                    + session.statusCode());
        }
        csrf = token.group(1);
        StringBuilder header = new StringBuilder();
        for (HttpCookie cookie : cookies.getCookieStore().get(URI.create(url + "/launcher/"))) {
            header.append(header.length() == 0 ? "" : "; ").append(cookie.getName()).append('=')
                    .append(cookie.getValue());
        }
        return header.toString();
    }

    /** One app instance on the record ({@code POST /launcher/ui/launches}); answers its uuid. */
    private String launch(String session) throws Exception {
        HttpResponse<String> launch = browser.send(HttpRequest.newBuilder(URI.create(url + "/launcher/ui/launches"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"app_id\": \"" + app + "\", \"record_id\": \"" + record
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher uuid = UUID.matcher(launch.body());
        if (launch.statusCode() != 200 || !uuid.find()) {
            throw new IllegalStateException("POST /launcher/ui/launches answered " + launch.statusCode() + ": "
                    + launch.body());
        }
        return uuid.group(1);
    }
}
