package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.store.Database;

/** Cohort users on a real (H2) store: putting a user again replaces the password and roles, not adds a row. */
class CohortUsersTest {

    @TempDir
    Path dir;

    @Test
    void puttingAUserAgainReplacesPasswordAndRoles() {
        try (Database db = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "")) {
            CohortUsers users = new CohortUsers(db, false);
            users.put("alice", "first", Set.of("researcher"));
            users.put("alice", "second", Set.of("researcher", "exact-counts"));

            assertEquals(Optional.empty(), users.authenticate("alice", "first"));
            assertEquals(Optional.of(Set.of("researcher", "exact-counts")), users.authenticate("alice", "second")
                    .map(Set::copyOf));
        }
    }
}
