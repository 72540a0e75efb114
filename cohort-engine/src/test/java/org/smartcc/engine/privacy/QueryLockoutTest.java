package org.smartcc.engine.privacy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** i2b2's lockout: the 8th run of the same query within 30 days is refused. */
class QueryLockoutTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final QueryLockout lockout = new QueryLockout(7, 30);

    @Test
    void sixEarlierRunsWithinThirtyDaysAreAllowed() {
        assertDoesNotThrow(() -> lockout.check(runsDaysAgo(1, 2, 3, 10, 20, 29), NOW));
    }

    @Test
    void sevenEarlierRunsWithinThirtyDaysLockTheQueryOut() {
        PrivacyLockoutException e = assertThrows(PrivacyLockoutException.class,
                () -> lockout.check(runsDaysAgo(29, 1, 2, 3, 10, 20, 25), NOW));
        assertEquals("PRIVACY_LOCKED_OUT", e.code());
        assertEquals(NOW.plus(Duration.ofDays(1)), e.lockedUntil(), "when the run of 29 days ago leaves the window");
        assertTrue(e.getMessage().contains("7 times in the last 30 days"), e.getMessage());
        assertTrue(e.getMessage().contains("2025-03-02T12:00:00Z"), e.getMessage());
    }

    @Test
    void theLockoutLastsUntilEnoughRunsHaveLeftTheWindow() {
        PrivacyLockoutException e = assertThrows(PrivacyLockoutException.class,
                () -> lockout.check(runsDaysAgo(28, 27, 26, 5, 4, 3, 2, 1, 0), NOW));
        assertEquals(NOW.plus(Duration.ofDays(4)), e.lockedUntil(), "9 runs: the 3 oldest must leave");
    }

    @Test
    void runsOlderThanTheWindowAreIgnored() {
        assertDoesNotThrow(() -> lockout.check(runsDaysAgo(1, 2, 3, 10, 20, 30, 45), NOW));
        assertDoesNotThrow(() -> new QueryLockout(7, 40).check(runsDaysAgo(1, 2, 3, 10, 20, 30), NOW));
        assertThrows(PrivacyLockoutException.class,
                () -> new QueryLockout(7, 40).check(runsDaysAgo(1, 2, 3, 10, 20, 30, 39), NOW));
    }

    @Test
    void theCountAndTheDaysAreConfigurable() {
        QueryLockout strict = new QueryLockout(2, 1);
        assertDoesNotThrow(() -> strict.check(List.of(NOW.minus(Duration.ofHours(2))), NOW));
        assertThrows(PrivacyLockoutException.class,
                () -> strict.check(List.of(NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(23))), NOW));
    }

    @Test
    void theFingerprintIsTheSha256OfTheNormalisedDefinition() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                QueryLockout.fingerprint("abc"));
        assertEquals(QueryLockout.fingerprint("{\"panels\":[]}"), QueryLockout.fingerprint("{\"panels\":[]}"));
        assertNotEquals(QueryLockout.fingerprint("{\"panels\":[1]}"), QueryLockout.fingerprint("{\"panels\":[2]}"));
    }

    private static List<Instant> runsDaysAgo(int... days) {
        List<Instant> runs = new ArrayList<>();
        for (int daysAgo : days) {
            runs.add(NOW.minus(Duration.ofDays(daysAgo)));
        }
        return runs;
    }
}
