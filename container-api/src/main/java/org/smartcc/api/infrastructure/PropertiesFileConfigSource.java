package org.smartcc.api.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The deployment's own configuration file: {@code smartcc.config.file} (system property or env
 * {@code SMARTCC_CONFIG_FILE}), else {@code smartcc.properties} in the data folder. It sits between the environment
 * (which overrides it) and the defaults packaged in the WAR, so operators can keep settings in one file.
 */
public class PropertiesFileConfigSource implements ConfigSource {

    private static final int ORDINAL = 250;

    private final Map<String, String> properties;
    private final String name;

    public PropertiesFileConfigSource() {
        Path file = configFile();
        this.name = "smartcc properties file " + file;
        this.properties = read(file);
    }

    static Path configFile() {
        String explicit = firstNonBlank(System.getProperty("smartcc.config.file"), System.getenv("SMARTCC_CONFIG_FILE"));
        if (explicit != null) {
            return Path.of(explicit);
        }
        String dataDir = firstNonBlank(System.getProperty("smartcc.data.dir"), System.getenv("SMARTCC_DATA_DIR"));
        return Path.of(dataDir == null ? "data" : dataDir).resolve("smartcc.properties");
    }

    private static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties loaded = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            loaded.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the configuration file " + file + " could not be read", e);
        }
        Map<String, String> values = new HashMap<>();
        loaded.stringPropertyNames().forEach(key -> values.put(key, loaded.getProperty(key)));
        return Map.copyOf(values);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
