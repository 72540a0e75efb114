package org.smartcc.launcher.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RelativePathTest {

    @Test
    void callPathsUnderTheBasePass() {
        assertTrue(RelativePath.staysUnderBase("records/123/medications/"));
        assertTrue(RelativePath.staysUnderBase("apps/med-list%40apps.smartplatforms.org/manifest"));
        assertTrue(RelativePath.staysUnderBase("users/dev%2Bx/preferences"));
        assertTrue(RelativePath.staysUnderBase(""));
    }

    @Test
    void climbingOutIsRefused() {
        assertFalse(RelativePath.staysUnderBase("../admin/apps"));
        assertFalse(RelativePath.staysUnderBase("records/%2e%2e/%2E%2E/oauth/internal/launch"));
        assertFalse(RelativePath.staysUnderBase("records/..%2f..%2fadmin"));
        assertFalse(RelativePath.staysUnderBase("/etc/passwd"));
        assertFalse(RelativePath.staysUnderBase("records//1"));
        assertFalse(RelativePath.staysUnderBase("records/%zz"));
    }
}
