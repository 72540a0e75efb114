package org.smartcc.launcher.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CohortLinkTest {

    @Test
    void theSetPageAndCohortModeHaveTheirPages() {
        assertEquals(new CohortLink(42, Optional.empty()), CohortLink.parse("/42"));
        assertEquals("/cohort-set.html", CohortLink.parse("/42").page());
        CohortLink mode = CohortLink.parse("/42/apps/wire@apps.example");
        assertEquals(new CohortLink(42, Optional.of("wire@apps.example")), mode);
        assertEquals("/cohort-mode.html", mode.page());
    }

    @Test
    void otherPathsNameNoPage() {
        for (String path : new String[] {null, "", "/", "/0", "/-1", "/abc", "/42/", "/42/apps", "/42/apps/",
                "/42/apps/ ", "/42/apps/a/b", "/42/other/x", "/1234567890123456789", "/42/apps/" + "a".repeat(256)}) {
            LauncherException refused = assertThrows(LauncherException.class, () -> CohortLink.parse(path), path);
            assertEquals(404, refused.status());
            assertEquals("COHORT_PAGE_NOT_FOUND", refused.code());
        }
    }
}
