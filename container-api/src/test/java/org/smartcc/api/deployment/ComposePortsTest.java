package org.smartcc.api.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml publishes ports on the host's loopback only: PostgreSQL and the Spark standalone cluster have
 * no authentication, and the container's own port is meant to sit behind a reverse proxy. There is no Docker engine
 * here, so the file itself is checked.
 */
class ComposePortsTest {

    static JsonNode services;

    @BeforeAll
    static void readCompose() throws Exception {
        services = new YAMLMapper().readTree(Path.of("..", "docker", "compose.yaml").toFile()).get("services");
    }

    @Test
    void everyPublishedPortIsBoundToLoopback() {
        List<String> published = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            for (JsonNode port : service.getValue().path("ports")) {
                String hostAddress = port.isObject() ? port.path("host_ip").asText("") : shortSyntaxHost(port.asText());
                assertEquals("127.0.0.1", hostAddress, service.getKey() + " publishes " + port);
                published.add(service.getKey());
            }
        }
        assertTrue(published.contains("smartcc"), "the container's port is published: " + published);
    }

    @Test
    void noServiceSharesTheHostsNetwork() {
        services.properties().forEach(service ->
                assertFalse(service.getValue().path("network_mode").asText("").equals("host"), service.getKey()));
    }

    /** {@code [HOST_IP:]HOST_PORT:CONTAINER_PORT[/PROTOCOL]}: the address is there only with three parts. */
    private static String shortSyntaxHost(String port) {
        String[] parts = port.split(":");
        return parts.length == 3 ? parts[0] : "";
    }
}
