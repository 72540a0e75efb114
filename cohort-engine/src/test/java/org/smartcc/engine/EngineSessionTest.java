package org.smartcc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's Spark session reads files only through the engine's own code, never through SQL text. */
class EngineSessionTest {

    @Test
    void sqlOnFilesIsOffAndStaysOff(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0");
        SparkSession spark = SharedSpark.engine().spark();
        assertEquals("false", spark.conf().get("spark.sql.runSQLOnFiles"));
        assertThrows(AnalysisException.class, () -> spark.sql("SELECT * FROM text.`" + secret + "`").collect());
    }
}
