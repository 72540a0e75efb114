package org.smartcc.api.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged WAR leaves out jul-to-slf4j: with it on the class path Spark, as it starts, takes the JDK logging's
 * root handlers away from the server and routes every logger of the JVM to the WAR's Log4j 2, so the server log
 * stops and the container's own info lines are lost.
 */
class WarContentsIT {

    @Test
    void theWarDoesNotCarryTheJdkLoggingBridge() throws IOException {
        try (ZipFile war = new ZipFile(Path.of("target", "container-api.war").toFile())) {
            List<String> bridges = war.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("WEB-INF/lib/jul-to-slf4j")).toList();
            assertEquals(List.of(), bridges);
        }
    }
}
