package org.smartcc.api.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smartcc.api.domain.Researcher;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.store.domain.CodedException;

/** The concept tree's refusals, decided before any Spark job: bad input, and no snapshot to count from. */
class ConceptTreeServiceTest {

    private final Researcher researcher = new Researcher("sam", Set.of("DATA_AGG"));
    private final ConceptTreeService noSnapshot = new ConceptTreeService(Optional::empty, snapshot -> {
        throw new AssertionError("no tree is made without a snapshot");
    }, PrivacySettings.defaults());

    @Test
    void malformedPathsAndQueriesAreRefusedWithTheirCode() {
        for (String path : new String[] {"SMART", "\\SMART", "\\SMART\\\\Medications\\", "\\a\tb\\"}) {
            assertEquals("CONCEPT_PATH_INVALID", code(() -> noSnapshot.children(researcher, Optional.of(path))),
                    path);
        }
        assertEquals("CONCEPT_QUERY_INVALID", code(() -> noSnapshot.search(researcher, " ", 50)));
        assertEquals("CONCEPT_QUERY_INVALID", code(() -> noSnapshot.search(researcher, "x".repeat(201), 50)));
        assertEquals("CONCEPT_QUERY_INVALID", code(() -> noSnapshot.search(researcher, "glucose", 0)));
        assertEquals("CONCEPT_QUERY_INVALID", code(() -> noSnapshot.search(researcher, "glucose", 501)));
    }

    @Test
    void beforeTheFirstSnapshotTheTreeIsUnavailable() {
        assertEquals("NO_SNAPSHOT", code(() -> noSnapshot.children(researcher, Optional.empty())));
        assertEquals("NO_SNAPSHOT", code(() -> noSnapshot.children(researcher, Optional.of("\\SMART\\"))));
        assertEquals("NO_SNAPSHOT", code(() -> noSnapshot.search(researcher, "glucose", 50)));
    }

    private static String code(Runnable call) {
        return assertThrows(CodedException.class, call::run).code();
    }
}
