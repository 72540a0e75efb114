package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.smartcc.api.interfaces.rest.ContainerApplication;
import org.smartcc.api.interfaces.rest.RequestEvents;
import org.smartcc.api.interfaces.rest.ResourceRoutes;
import org.smartcc.records.domain.ApiCallTable;

/**
 * The operations endpoints of a running server ({@code /openapi}, {@code /metrics}) and its JSON log, checked from
 * outside; the web ITs call these at the end of their own run, on their own deployment.
 */
final class OperationsChecks {

    /** Secrets of the development profile and of the tests' own configuration (arquillian.xml). */
    static final List<String> SECRETS = List.of("smartapp-secret", "dev-launcher-secret", "it-launcher-secret",
            "it-admin-secret");
    private static final Pattern NAME = Pattern.compile("(given|family)-name>([^<]+)</");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI server;

    /** @param base the application's address; the operations endpoints are at the server's root */
    OperationsChecks(String base) {
        this.server = URI.create(base).resolve("/");
    }

    /** Every call of the resources and of the call table, and nothing else, as {@code METHOD path}. */
    void openApiHasEveryRoute(ApiCallTable calls) throws Exception {
        JsonNode document = new ObjectMapper().readTree(get("openapi", "application/json").body());
        Set<String> described = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(field -> {
                if (Set.of("get", "put", "post", "delete", "head", "options", "patch").contains(field)) {
                    described.add(field.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        Set<String> served = ResourceRoutes.of(new ContainerApplication().getClasses(), calls).stream()
                .map(ResourceRoutes.Route::toString).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(served.contains("GET /records/{record_id}/medications/"), "a record call of the table: " + served);
        assertTrue(served.stream().anyMatch(r -> r.contains("QueryToolService")), "the i2b2 endpoint: " + served);
        assertEquals(served, described, "/openapi vs the server's resources and call table");
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertEquals("OAuth", schemes.path("oauth1").path("scheme").asText(), "OAuth 1.0a scheme: " + schemes);
        assertEquals("basic", schemes.path("basic").path("scheme").asText(), "HTTP Basic scheme: " + schemes);
    }

    /** A request's id comes back and lands in the log; counts reach /metrics in Prometheus format. */
    void metricsAndRequestIds(String base) throws Exception {
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(base + "/records/2169591/demographics"))
                .header(RequestEvents.HEADER, "ops-check-0001").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode());
        assertEquals("ops-check-0001", unsigned.headers().firstValue(RequestEvents.HEADER).orElse(""));
        String metrics = get("metrics", "text/plain").body();
        assertTrue(metrics.matches("(?s).*smartcc_http_requests_seconds_count\\{[^}]*endpoint=\"/records/\\{record_id}"
                + "/demographics\"[^}]*status=\"401\".*"), "request timer per endpoint and status:\n" + metrics);
        assertTrue(metrics.matches("(?s).*smartcc_oauth_failures_total\\{code=\"OAUTH_HEADER_MISSING\".*"),
                "OAuth failures by code:\n" + metrics);
        assertFalse(metrics.contains("2169591"), "a record id as a tag");
    }

    /**
     * Every line of the run's log is one JSON object, some carry request ids, and none holds a development secret or
     * a sample patient's name (the full name, and the family names long enough not to be ordinary words).
     */
    void logIsJsonWithoutNamesOrSecrets(Path log, Path patients, String requestId) throws IOException {
        List<String> lines = Files.readAllLines(log);
        assertFalse(lines.isEmpty(), "the server wrote " + log);
        ObjectMapper json = new ObjectMapper();
        List<String> found = new ArrayList<>();
        boolean withId = false;
        Set<String> names = names(patients);
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertTrue(event.isObject() && event.has("Timestamp") && event.has("Level"), "one event: " + line);
            withId |= requestId.equals(event.path("requestId").asText());
            for (String secret : SECRETS) {
                if (line.contains(secret)) {
                    found.add(secret);
                }
            }
            for (String name : names) {
                if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(line).find()) {
                    found.add(name);
                }
            }
        }
        assertTrue(withId, "an event with request id " + requestId);
        assertEquals(List.of(), found, "secrets or patient names in " + log);
    }

    private static Set<String> names(Path patients) throws IOException {
        Set<String> names = new TreeSet<>();
        try (var files = Files.list(patients)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".xml")).toList()) {
                Matcher m = NAME.matcher(Files.readString(file));
                String given = null;
                while (m.find()) {
                    if (m.group(1).equals("given")) {
                        given = m.group(2);
                    } else {
                        names.add(given + " " + m.group(2));
                        if (m.group(2).length() >= 7) {
                            names.add(m.group(2));
                        }
                    }
                }
            }
        }
        assertTrue(names.size() > 40, "names of the sample patients: " + names);
        return names;
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.resolve(path)).header("Accept", accept)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return answer;
    }
}
