package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcc.api.application.PopulationReads;
import org.smartcc.api.domain.PopulationExport;
import org.smartcc.api.infrastructure.population.PopulationExporter;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * Starts an export of a patient set (docs/population.md), signed 2-legged by an app granted the set: {@code 202} with
 * {@code Location: /cohort/exports/{export_id}}. The optional JSON body names collections, formats and filters.
 */
@Path("cohort/patient-sets/{id}/exports")
@RequestScoped
@SignedByApp
public class PopulationExportKickOffResource {

    @Inject
    PopulationExporter exporter;
    @Inject
    PopulationReads reads;
    @Inject
    ApiBases apiBases;
    @Inject
    Caller caller;
    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response kickOff(@PathParam("id") long setId, String body) {
        PopulationReads.Grant grant = reads.authorize(caller.app(), setId);
        String base = apiBases.of(uri);
        PopulationExport export = exporter.kickOff(grant, request(body), base);
        // a new export is RUNNING: 202 with its progress, and where to ask next
        return Response.fromResponse(PopulationExportViews.status(export, List.of(), base))
                .location(URI.create(base + "/cohort/exports/" + export.id())).build();
    }

    /** {@code {"collections": [...], "formats": [...], "filters": {"name": "value"}}}, every member optional. */
    static PopulationExporter.Request request(String body) {
        if (body == null || body.isBlank()) {
            return new PopulationExporter.Request(List.of(), List.of(), Map.of());
        }
        try {
            JsonObject json = Json.createReader(new StringReader(body)).readObject();
            Map<String, String> filters = new LinkedHashMap<>();
            JsonValue given = json.getOrDefault("filters", JsonValue.EMPTY_JSON_OBJECT);
            if (given.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("'filters' must be an object of parameter names and values");
            }
            given.asJsonObject().forEach((name, value) -> {
                if (!(value instanceof JsonString s)) {
                    throw invalid("filter '" + name + "' must be a string, as in a query string");
                }
                filters.put(name, s.getString());
            });
            return new PopulationExporter.Request(strings(json, "collections"), strings(json, "formats"), filters);
        } catch (JsonParsingException e) {
            throw invalid("the body must be a JSON object: " + e.getMessage());
        } catch (JsonException e) {
            throw invalid("the body must be a JSON object");
        }
    }

    private static List<String> strings(JsonObject json, String member) {
        JsonValue value = json.getOrDefault(member, JsonValue.EMPTY_JSON_ARRAY);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid("'" + member + "' must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue v : value.asJsonArray()) {
            if (!(v instanceof JsonString s)) {
                throw invalid("'" + member + "' must be an array of strings");
            }
            strings.add(s.getString());
        }
        return strings;
    }

    private static CodedException invalid(String message) {
        return new CodedException(ErrorKind.INVALID_INPUT, "EXPORT_INVALID", message);
    }
}
