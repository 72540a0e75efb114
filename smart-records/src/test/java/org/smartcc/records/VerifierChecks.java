package org.smartcc.records;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;

/**
 * The API Verifier's data-model checks ({@code verifier-queries.json}, spec §8), run with Jena: a negative check
 * must find no rows, a noduplicates check no subject twice, a match check only rows equal (case-insensitively) to
 * one of its allowed code tuples. Shared with the HTTP conformance test of container-api (test-jar).
 */
public final class VerifierChecks {

    public record Check(String model, String type, String description, Query query, List<Map<String, String>> allowed) {
    }

    /** A failed check and what it found. */
    public record Failure(Check check, String detail) {
    }

    private final Map<String, List<Check>> byModel = new HashMap<>();

    public VerifierChecks(Path json) throws IOException {
        try (Reader in = Files.newBufferedReader(json); JsonReader reader = Json.createReader(in)) {
            JsonObject all = reader.readObject();
            for (String model : all.keySet()) {
                List<Check> checks = new ArrayList<>();
                for (JsonValue v : all.getJsonArray(model)) {
                    JsonObject o = v.asJsonObject();
                    List<Map<String, String>> allowed = new ArrayList<>();
                    JsonArray constraints = o.containsKey("constraints") ? o.getJsonArray("constraints") : null;
                    if (constraints != null) {
                        for (JsonValue c : constraints) {
                            Map<String, String> tuple = new HashMap<>();
                            c.asJsonObject().forEach((k, value) -> tuple.put(k, ((jakarta.json.JsonString) value)
                                    .getString().toLowerCase(Locale.ROOT)));
                            allowed.add(tuple);
                        }
                    }
                    checks.add(new Check(model, o.getString("type"), o.getString("description"),
                            QueryFactory.create(o.getString("query")), allowed));
                }
                byModel.put(model, checks);
            }
        }
    }

    public List<Check> checks(String model) {
        return byModel.getOrDefault(model, List.of());
    }

    /** The failure of one check on a response model, or null if it passes. */
    public static Failure run(Check check, Model model) {
        try (QueryExecution qe = QueryExecution.create(check.query(), model)) {
            ResultSet rows = qe.execSelect();
            Set<RDFNode> subjects = new HashSet<>();
            while (rows.hasNext()) {
                QuerySolution row = rows.next();
                switch (check.type()) {
                    case "negative" -> {
                        return new Failure(check, "row " + row);
                    }
                    case "noduplicates" -> {
                        RDFNode s = row.get("s");
                        if (!subjects.add(s)) {
                            return new Failure(check, "repeated subject " + s);
                        }
                    }
                    case "match" -> {
                        Map<String, String> tuple = new HashMap<>();
                        row.varNames().forEachRemaining(v -> tuple.put(v, text(row.get(v))));
                        if (!check.allowed().contains(tuple)) {
                            return new Failure(check, "row not allowed " + tuple);
                        }
                    }
                    default -> throw new IllegalStateException("unknown check type " + check.type());
                }
            }
        }
        return null;
    }

    private static String text(RDFNode n) {
        String s = n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : n.toString();
        return s.toLowerCase(Locale.ROOT);
    }
}
