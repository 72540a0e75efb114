package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesFileConfigSourceTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("smartcc.config.file");
        System.clearProperty("smartcc.data.dir");
    }

    @Test
    void readsSmartccPropertiesFromTheDataFolder() throws Exception {
        Files.writeString(dir.resolve("smartcc.properties"), "smartcc.db.url=jdbc:h2:mem:x\nspark.master=local[1]\n");
        System.setProperty("smartcc.data.dir", dir.toString());
        PropertiesFileConfigSource source = new PropertiesFileConfigSource();
        assertEquals("jdbc:h2:mem:x", source.getValue("smartcc.db.url"));
        assertEquals("local[1]", source.getValue("spark.master"));
        assertTrue(source.getOrdinal() < 300, "environment variables must override the file");
    }

    @Test
    void anExplicitFileWinsOverTheDataFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("other.properties"), "smartcc.public-url=https://cohort.example.org\n");
        System.setProperty("smartcc.config.file", file.toString());
        assertEquals("https://cohort.example.org", new PropertiesFileConfigSource().getValue("smartcc.public-url"));
    }

    @Test
    void noFileMeansNoValues() {
        System.setProperty("smartcc.data.dir", dir.resolve("absent").toString());
        PropertiesFileConfigSource source = new PropertiesFileConfigSource();
        assertTrue(source.getPropertyNames().isEmpty());
        assertNull(source.getValue("smartcc.db.url"));
    }
}
