package org.smartcc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after {@link StoreFirstStartIT} (failsafe runs classes alphabetically) in a new Payara Micro JVM on the same
 * data folder: everything committed before, including the record added through the admin API, is still there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StoreRestartIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @ArquillianResource
    URL url;

    @Test
    void aRestartKeepsEveryCommittedRecord() throws Exception {
        ContainerClient client = new ContainerClient(url);
        client.awaitReady(Duration.ofMinutes(5));
        JsonObject store = client.status().getJsonObject("store");
        assertEquals(61, store.getJsonNumber("records").longValue(), "60 samples + the record added before restart");
        Map<String, Long> expected = StoreFirstStartIT.expectedStatementCounts();
        Map<String, Long> actual = StoreFirstStartIT.counts(store.getJsonObject("statementsByType"));
        // the added record is a copy of p1032702.xml: 1 AllergyExclusion, 4 Immunizations, 5 Problems, ...
        assertEquals(expected.get("Problem") + 5, actual.get("Problem"));
        assertEquals(expected.get("Demographics") + 1, actual.get("Demographics"));
    }
}
