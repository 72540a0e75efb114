package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.Verb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;

/**
 * A granted background app reading a patient set over HTTP two ways: the population read, page after page by its
 * {@code Link: rel="next"}, and the per-record calls with the per-record tokens of its token loop, summed.
 */
final class PopulationData {

    private static final Resource SUMMARY = ResourceFactory.createResource(
            "http://smartplatforms.org/terms/api#ResponseSummary");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final String base;
    private final String appId;
    private final SignedClient app;

    /** A per-record token of the background token loop. */
    record Token(String key, String secret) {
    }

    /** A population read followed to its last page: every page's statements, and the pages' answers. */
    record Bulk(Model statements, List<HttpResponse<byte[]>> pages) {
    }

    PopulationData(String base, String appId) {
        this.base = base.replaceAll("/$", "");
        this.appId = appId;
        this.app = new SignedClient(appId);
    }

    /** The population read of a collection in one format, 2-legged, from its first page to its last. */
    Bulk bulk(long setId, String collection, String accept) throws Exception {
        Model statements = ModelFactory.createDefaultModel();
        List<HttpResponse<byte[]>> pages = new java.util.ArrayList<>();
        Optional<String> url = Optional.of(data(setId, collection, ""));
        while (url.isPresent()) {
            HttpResponse<byte[]> page = get(url.get(), null, accept);
            assertEquals(200, page.statusCode(), new String(page.body(), StandardCharsets.UTF_8));
            assertEquals(accept, page.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
            pages.add(page);
            statements.add(parse(page.body(), accept));
            url = next(page);
            assertTrue(pages.size() < 1000, "the cursor ends");
        }
        return new Bulk(statements, pages);
    }

    /** The per-record answers of a collection over the records, each without its response summary, summed. */
    Model perRecord(Map<String, Token> tokens, String collection) throws Exception {
        Model union = ModelFactory.createDefaultModel();
        for (Map.Entry<String, Token> record : tokens.entrySet()) {
            HttpResponse<byte[]> answer = get(base + "/records/" + record.getKey() + "/" + collection + "/",
                    record.getValue(), "application/rdf+xml");
            assertEquals(200, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
            Model statements = parse(answer.body(), "application/rdf+xml");
            for (Resource summary : statements.listSubjectsWithProperty(RDF.type, SUMMARY).toList()) {
                statements.removeAll(summary, null, null);
            }
            union.add(statements);
        }
        return union;
    }

    /** The token loop over the app's granted records: each record with its token, in the order handed out. */
    Map<String, Token> tokens() throws Exception {
        String loop = base + "/apps/" + appId + "/tokens/records/";
        Map<String, Token> tokens = new LinkedHashMap<>();
        HttpResponse<String> answer = app.send(Verb.POST, loop + "first", null, null);
        while (answer.statusCode() == 200) {
            Map<String, String> form = SignedClient.form(answer.body());
            String recordId = form.get("smart_record_id");
            tokens.put(recordId, new Token(form.get("oauth_token"), form.get("oauth_token_secret")));
            answer = app.send(Verb.POST, loop + recordId + "/next", null, null);
        }
        assertEquals(404, answer.statusCode(), answer.body());
        return tokens;
    }

    /** A POST signed by the app, 2-legged, with a JSON body (not signed, as RFC 5849 signs form bodies only). */
    HttpResponse<byte[]> post(String url, String json) throws Exception {
        return app.send(Verb.POST, url, null, null, Map.of("Accept", "application/json"), "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> delete(String url) throws Exception {
        return app.send(Verb.DELETE, url, null, null, Map.of(), null, null);
    }

    /** Polls an export's status location until it is no longer running; the last answer's JSON. */
    jakarta.json.JsonObject awaitExport(String location) throws Exception {
        for (int i = 0; i < 600; i++) {
            HttpResponse<byte[]> answer = get(location, null, "application/json");
            jakarta.json.JsonObject status = jakarta.json.Json.createReader(new java.io.StringReader(
                    new String(answer.body(), StandardCharsets.UTF_8))).readObject();
            if (answer.statusCode() == 200) {
                return status;
            }
            assertEquals(202, answer.statusCode(), status.toString());
            assertEquals("RUNNING", status.getString("state"));
            assertTrue(answer.headers().firstValue("Retry-After").isPresent());
            Thread.sleep(200);
        }
        throw new AssertionError("the export did not end: " + location);
    }

    /** The statements of an export's files, each downloaded (signed) and parsed alone, summed. */
    Model download(List<jakarta.json.JsonObject> files) throws Exception {
        Model all = ModelFactory.createDefaultModel();
        for (jakarta.json.JsonObject file : files) {
            HttpResponse<byte[]> answer = get(file.getString("url"), null, "*/*");
            assertEquals(200, answer.statusCode(), file.toString());
            assertEquals(file.getJsonNumber("bytes").longValue(), answer.body().length, file.toString());
            Model statements = parse(answer.body(), file.getString("format"));
            // the records' statements, less those that two records share (a code's title), which one document merges
            assertTrue(statements.size() > 0 && statements.size() <= file.getJsonNumber("statements").longValue(),
                    file.toString());
            all.add(statements);
        }
        return all;
    }

    /** A GET signed by the app, 2-legged without a token. */
    HttpResponse<byte[]> get(String url, Token token, String accept) throws Exception {
        return app.send(Verb.GET, url, token == null ? null : token.key(), token == null ? null : token.secret(),
                Map.of("Accept", accept), null, null);
    }

    String data(long setId, String collection, String query) {
        return base + "/cohort/patient-sets/" + setId + "/data/" + collection + "/" + query;
    }

    static Optional<String> next(HttpResponse<?> page) {
        for (String link : page.headers().allValues("Link")) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    static Model parse(byte[] body, String mediaType) {
        Model m = ModelFactory.createDefaultModel();
        if (mediaType.equals("application/x-ndjson")) {
            for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    m.add(parse(line.getBytes(StandardCharsets.UTF_8), "application/ld+json"));
                }
            }
            return m;
        }
        Lang lang = switch (mediaType) {
            case "application/n-triples" -> Lang.NTRIPLES;
            case "text/turtle" -> Lang.TURTLE;
            case "application/rdf+xml" -> Lang.RDFXML;
            case "application/ld+json" -> Lang.JSONLD;
            default -> throw new IllegalArgumentException(mediaType);
        };
        RDFParser.create().source(new ByteArrayInputStream(body)).lang(lang).parse(m);
        return m;
    }

    static String nTriples(Model m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, m, Lang.NTRIPLES);
        return out.toString(StandardCharsets.UTF_8);
    }
}
