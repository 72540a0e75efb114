package org.smartcc.api.infrastructure;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/**
 * Server secrets that must outlive a restart and be the same on every server of one database (a signed cursor handed
 * out by one is read by another, or after a restart), in {@code container_secret} (V14): made at random the first
 * time one is asked for, then read. Nobody who can read this table needs a cursor: it sits beside the clinical data.
 */
public final class StoredSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbc jdbc;

    public StoredSecrets(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    /** The named secret, 32 random bytes made on first use. */
    public byte[] secret(String name) {
        Optional<String> stored = read(name);
        if (stored.isEmpty()) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                jdbc.update("storing a server secret", "INSERT INTO container_secret (name, secret) VALUES (?, ?)",
                        name, Base64.getEncoder().encodeToString(fresh));
            } catch (IllegalStateException e) {
                // another server stored one first (duplicate key): theirs is read below; a real failure fails there
            }
            stored = read(name);
        }
        return Base64.getDecoder().decode(stored.orElseThrow(() ->
                new IllegalStateException("the server secret " + name + " could not be stored")));
    }

    private Optional<String> read(String name) {
        return jdbc.first("reading a server secret", "SELECT secret FROM container_secret WHERE name = ?",
                row -> row.getString(1), name);
    }
}
