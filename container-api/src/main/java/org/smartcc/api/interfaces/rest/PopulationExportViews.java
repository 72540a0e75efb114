package org.smartcc.api.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.smartcc.api.domain.ExportFile;
import org.smartcc.api.domain.PopulationExport;

/**
 * An export as its status location answers it (docs/population.md): while running {@code 202} with progress and
 * {@code Retry-After}, when done {@code 200} with the manifest of its files, when failed {@code 200} with why.
 */
final class PopulationExportViews {

    /** Seconds a client waits before it asks again about a running export. */
    static final int RETRY_AFTER_SECONDS = 2;

    private PopulationExportViews() {
    }

    /** @param base the API base the files' URLs start with (no trailing slash) */
    static Response status(PopulationExport export, List<ExportFile> files, String base) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("id", export.id()).add("state", export.state().name());
        return switch (export.state()) {
            case RUNNING -> Response.accepted(body.add("records_done", export.recordsDone())
                    .add("records_total", export.recordsTotal()).add("bytes", export.bytes()).build().toString())
                    .header("Retry-After", RETRY_AFTER_SECONDS).type("application/json").build();
            case DONE -> Response.ok(manifest(body, export, files, base).toString(), "application/json").build();
            default -> Response.ok(body.add("message", export.message() == null ? "" : export.message()).build()
                    .toString(), "application/json").build();
        };
    }

    private static JsonObject manifest(JsonObjectBuilder body, PopulationExport export, List<ExportFile> files,
                                       String base) {
        JsonArrayBuilder output = Json.createArrayBuilder();
        for (ExportFile f : files) {
            output.add(Json.createObjectBuilder().add("collection", f.collection()).add("format", f.format())
                    .add("url", base + "/cohort/exports/" + export.id() + "/files/" + f.number())
                    .add("records", f.records()).add("statements", f.statements()).add("bytes", f.bytes()));
        }
        return body.add("transaction_time", export.created().toString())
                .add("expires", export.expires().toString()).add("output", output).build();
    }
}
