package org.smartcc.store;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared sample data that sits beside the project (see README). */
public final class SampleData {

    private SampleData() {
    }

    public static Path shared() {
        Path dir = Path.of(System.getProperty("smartcc.shared.dir", "../../shared")).normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared data not found at " + dir.toAbsolutePath()
                    + "; set -Dsmartcc.shared.dir");
        }
        return dir;
    }

    public static Path samplePatients() {
        return shared().resolve("smart-data/patients/generated");
    }
}
