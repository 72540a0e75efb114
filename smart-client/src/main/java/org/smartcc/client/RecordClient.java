package org.smartcc.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;

/**
 * The record calls of one record, signed with an access token bound to it. RDF answers are asked for as Turtle, a
 * syntax with no entities or external references, so no XML parser ever reads what the server sent.
 */
public final class RecordClient extends RecordCalls {

    private final String apiBase;
    private final SignedHttp http;
    private final AccessToken token;

    RecordClient(String apiBase, SignedHttp http, AccessToken token) {
        this.apiBase = apiBase;
        this.http = http;
        this.token = token;
    }

    @Override
    public String recordId() {
        return token.recordId();
    }

    @Override
    protected Model rdf(String path, Map<String, String> query) {
        HttpResponse<InputStream> answer = http.get(apiBase + path + SignedHttp.query(query), token,
                RdfAnswers.TURTLE);
        return RdfAnswers.parse(answer, path);
    }

    @Override
    protected SmartResponse call(String method, String path, Map<String, String> query, String contentType,
                                 byte[] body) {
        return SmartResponse.of(http.send(method, apiBase + path + SignedHttp.query(query), token, Map.of(),
                Map.of(), Map.of(), contentType, body));
    }

    @Override
    protected String segment(String value) {
        return SignedHttp.encode(value);
    }

    /** Parsing the container's RDF answers. */
    static final class RdfAnswers {

        static final String TURTLE = "text/turtle";

        private RdfAnswers() {
        }

        static Model parse(HttpResponse<InputStream> answer, String what) {
            Model model = ModelFactory.createDefaultModel();
            try (InputStream in = answer.body()) {
                RDFParser.source(in).lang(Lang.TURTLE).parse(model);
            } catch (IOException | RiotException e) {
                throw new SmartClientException("ANSWER_INVALID", "the answer to " + what + " is not Turtle: "
                        + e.getMessage(), e);
            }
            return model;
        }
    }
}
