package org.smartcc.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The SMART manifest schemas are JSON Schema draft 03, which no maintained Java validator reads. The only draft-03
 * keyword they use that draft 04 changed is the per-property {@code "required": true}; moved into the parent's
 * {@code required} array, the schema validates the same documents, with networknt's draft-04 validator.
 */
final class Draft03Schema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonSchema schema;

    Draft03Schema(Path draft03) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(draft03.toFile());
        root.put("$schema", "http://json-schema.org/draft-04/schema#");
        toDraft04(root);
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(root);
    }

    /** The validation errors of a JSON document; empty when valid. */
    List<String> errors(String json) throws IOException {
        return schema.validate(JSON.readTree(json)).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static void toDraft04(JsonNode node) {
        if (node.isArray()) {
            node.forEach(Draft03Schema::toDraft04);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        if (object.path("properties").isObject()) {
            ArrayNode required = JSON.createArrayNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode flag = property.getValue().path("required");
                if (flag.isBoolean()) {
                    if (flag.booleanValue()) {
                        required.add(property.getKey());
                    }
                    ((ObjectNode) property.getValue()).remove("required");
                }
            }
            if (!required.isEmpty()) {
                object.set("required", required);
            }
        }
        if (object.path("required").isBoolean()) {
            object.remove("required");
        }
        object.forEach(Draft03Schema::toDraft04);
    }
}
