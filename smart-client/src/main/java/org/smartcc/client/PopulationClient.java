package org.smartcc.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;

/**
 * One patient set's population data (docs/population.md), for an app granted the set, every call signed 2-legged as
 * the app: the streamed reads page by page, the asynchronous export, and the protected aggregates.
 */
public final class PopulationClient {

    /** The media types the streamed reads and exports offer. */
    public static final String N_TRIPLES = "application/n-triples";
    public static final String TURTLE = "text/turtle";
    public static final String RDF_XML = "application/rdf+xml";
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";
    public static final String PARQUET = "application/vnd.apache.parquet";

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final String apiBase;
    private final SignedHttp http;
    private final long setId;

    PopulationClient(String apiBase, SignedHttp http, long setId) {
        this.apiBase = apiBase;
        this.http = http;
        this.setId = setId;
    }

    /** What a page handler gets: one response of the streamed read, a complete document in the asked format. */
    @FunctionalInterface
    public interface PageHandler {
        void page(InputStream body) throws IOException;
    }

    /**
     * Reads a collection of every record of the set, following the cursor from page to page; each page is a
     * complete document in the format and goes to the handler while it streams in.
     *
     * @param filters the per-record call's filters (§2.3), applied to every record
     * @return the number of pages read
     */
    public int read(String collection, String mediaType, Map<String, String> filters, PageHandler handler) {
        String url = setUrl() + "/data/" + SignedHttp.encode(collection) + "/" + SignedHttp.query(filters);
        int pages = 0;
        while (url != null) {
            HttpResponse<InputStream> answer = http.get(url, null, mediaType);
            try (InputStream body = answer.body()) {
                handler.page(body);
            } catch (IOException e) {
                throw new SmartClientException("NOT_REACHABLE", "reading " + collection + " broke off: "
                        + e.getMessage(), e);
            }
            pages++;
            url = nextLink(answer).map(next -> URI.create(apiBase + "/").resolve(next).toString()).orElse(null);
        }
        return pages;
    }

    /** Every statement of a collection over the set, in one model: for sets that fit in memory. */
    public Model readModel(String collection, Map<String, String> filters) {
        Model model = ModelFactory.createDefaultModel();
        read(collection, N_TRIPLES, filters, body -> model.add(parseNTriples(body, collection)));
        return model;
    }

    /**
     * Starts an asynchronous export ({@code POST .../exports}).
     *
     * @param collections the collections to export, all when empty
     * @param formats     media types, N-Triples when empty
     * @return the export's id
     */
    public String startExport(List<String> collections, List<String> formats, Map<String, String> filters) {
        ObjectNode body = SignedHttp.JSON.createObjectNode();
        collections.forEach(body.putArray("collections")::add);
        formats.forEach(body.putArray("formats")::add);
        ObjectNode filterNode = body.putObject("filters");
        filters.forEach(filterNode::put);
        byte[] json;
        try {
            json = SignedHttp.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<InputStream> answer = http.send("POST", setUrl() + "/exports", null, Map.of(), Map.of(),
                Map.of("Accept", "application/json"), "application/json", json);
        String location = answer.headers().firstValue("Location").orElseThrow(() -> new SmartClientException(
                "ANSWER_INVALID", answer.statusCode(), "the export's kick-off answer has no Location"));
        SignedHttp.readAll(answer);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The export's status, or its manifest once it is done. */
    public ExportStatus exportStatus(String exportId) {
        return ExportStatus.of(SignedHttp.json(http.get(exportUrl(exportId), null, "application/json")));
    }

    /**
     * Polls until the export is done or failed, waiting as the server's status suggests (at most
     * {@code maxPoll} between polls).
     *
     * @throws SmartClientException EXPORT_TIMEOUT when it is still running after {@code timeout}
     */
    public ExportStatus awaitExport(String exportId, Duration timeout, Duration maxPoll) {
        Instant deadline = Instant.now().plus(timeout);
        Duration wait = Duration.ofMillis(100);
        while (true) {
            ExportStatus status = exportStatus(exportId);
            if (!status.running()) {
                return status;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SmartClientException("EXPORT_TIMEOUT", 0, "export " + exportId + " still runs after "
                        + timeout);
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmartClientException("EXPORT_TIMEOUT", "waiting for export " + exportId
                        + " was interrupted", e);
            }
            wait = wait.multipliedBy(2).compareTo(maxPoll) > 0 ? maxPoll : wait.multipliedBy(2);
        }
    }

    /** One file of a done export's manifest, streamed. Close the stream. */
    public InputStream download(ExportStatus.OutputFile file) {
        return http.get(URI.create(apiBase + "/").resolve(file.url()).toString(), null, "*/*").body();
    }

    /** Cancels a running export, or removes a done one. */
    public void deleteExport(String exportId) {
        SignedHttp.readAll(http.send("DELETE", exportUrl(exportId), null, Map.of(), Map.of(), Map.of(), null, null));
    }

    /** Patients of the set by code of a collection, protected counts ({@code .../aggregates/{collection}/codes}). */
    public JsonNode codeCounts(String collection, int top) {
        return SignedHttp.json(http.get(setUrl() + "/aggregates/" + SignedHttp.encode(collection) + "/codes"
                + SignedHttp.query(Map.of("top", Integer.toString(top))), null, "application/json"));
    }

    /** A numeric value's distribution over the set for a code ({@code SYSTEM:CODE}). */
    public JsonNode valueDistribution(String collection, String code, int bins) {
        return SignedHttp.json(http.get(setUrl() + "/aggregates/" + SignedHttp.encode(collection) + "/values"
                + SignedHttp.query(Map.of("code", code, "bins", Integer.toString(bins))), null, "application/json"));
    }

    private String setUrl() {
        return apiBase + "/cohort/patient-sets/" + setId;
    }

    private String exportUrl(String exportId) {
        return apiBase + "/cohort/exports/" + SignedHttp.encode(exportId);
    }

    static Optional<String> nextLink(HttpResponse<?> answer) {
        for (String link : answer.headers().allValues("Link")) {
            Matcher next = NEXT_LINK.matcher(link);
            if (next.find()) {
                return Optional.of(next.group(1));
            }
        }
        return Optional.empty();
    }

    private static Model parseNTriples(InputStream body, String what) {
        Model model = ModelFactory.createDefaultModel();
        try {
            org.apache.jena.riot.RDFParser.source(body).lang(org.apache.jena.riot.Lang.NTRIPLES).parse(model);
        } catch (org.apache.jena.riot.RiotException e) {
            throw new SmartClientException("ANSWER_INVALID", "the " + what + " page is not N-Triples: "
                    + e.getMessage(), e);
        }
        return model;
    }

    /** An export's status; {@link #output()} is its manifest once {@link #state()} is {@code DONE}. */
    public record ExportStatus(String id, String state, long recordsDone, long recordsTotal, long bytes,
                               List<OutputFile> output, String message) {

        public boolean running() {
            return !state.equals("DONE") && !state.equals("FAILED") && !state.equals("CANCELLED");
        }

        static ExportStatus of(JsonNode json) {
            List<OutputFile> files = new ArrayList<>();
            for (JsonNode file : json.path("output")) {
                files.add(new OutputFile(file.path("collection").asText(), file.path("format").asText(),
                        file.path("url").asText(), file.path("records").asLong(), file.path("statements").asLong(),
                        file.path("bytes").asLong()));
            }
            return new ExportStatus(json.path("id").asText(), json.path("state").asText(),
                    json.path("records_done").asLong(), json.path("records_total").asLong(),
                    json.path("bytes").asLong(), List.copyOf(files), json.path("message").asText(""));
        }

        /** One file of the manifest. */
        public record OutputFile(String collection, String format, String url, long records, long statements,
                                 long bytes) {
        }
    }

}
