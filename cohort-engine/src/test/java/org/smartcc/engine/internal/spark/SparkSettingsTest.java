package org.smartcc.engine.internal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a Connect URL is found, and a server that is not there: a clear error at once, without the URL's token. */
class SparkSettingsTest {

    @Test
    void sqlOnFilesStaysOffWhateverTheDeploymentSets() {
        assertEquals("false", SparkSettings.conf(Map.of()).get("spark.sql.runSQLOnFiles"));
        assertEquals("false", SparkSettings.conf(Map.of("spark.sql.runSQLOnFiles", "true"))
                .get("spark.sql.runSQLOnFiles"));
    }

    @Test
    void aConnectUrlIsFoundUnderTheMasterOrTheRemoteKeys() {
        assertEquals(Optional.of("sc://h:1"), SparkSettings.connectUrl(Map.of("spark.master", "sc://h:1")));
        assertEquals(Optional.of("sc://h:2"), SparkSettings.connectUrl(Map.of("spark.remote", "sc://h:2")));
        assertEquals(Optional.of("sc://h:3"), SparkSettings.connectUrl(Map.of("spark.connect.remote", "sc://h:3")));
        assertEquals(Optional.empty(), SparkSettings.connectUrl(Map.of("spark.master", "spark://h:7077")));
    }

    @Test
    void anAbsentServerFailsAtOnceAndTheTokenStaysOutOfTheMessage() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // free again once closed: nothing listens there
        }
        IllegalStateException absent = assertThrows(IllegalStateException.class,
                () -> SparkSettings.connectSession("sc://127.0.0.1:" + port + "/;token=SECRET", Map.of()));
        // "cannot be reached" is the check before the client, whose own retries would take many minutes
        assertTrue(absent.getMessage().contains("sc://127.0.0.1:" + port + "/ cannot be reached"), absent.getMessage());
        assertFalse(absent.getMessage().contains("SECRET"), absent.getMessage());
    }
}
