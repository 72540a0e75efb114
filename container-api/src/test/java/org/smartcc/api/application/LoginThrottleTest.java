package org.smartcc.api.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), clock);

    @Test
    void theFailureAfterTheLastAllowedLocksTheNameForTheRestOfTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> throttle.check("alice"));
            throttle.failed("alice");
            now = now.plusSeconds(60);
        }
        CodedException locked = assertThrows(CodedException.class, () -> throttle.check("alice"));
        assertEquals(LoginThrottle.CODE, locked.code());
        assertEquals(ErrorKind.TOO_MANY_REQUESTS, locked.kind());
        assertTrue(locked.getMessage().contains("try again in 720 s"), locked.getMessage());
        assertThrows(CodedException.class, () -> throttle.check(" ALICE "), "a spelling is the same name");
        assertDoesNotThrow(() -> throttle.check("bob"), "other names are not held");

        now = now.plusSeconds(12 * 60); // the first failure leaves the window: one more try
        assertDoesNotThrow(() -> throttle.check("alice"));
        throttle.failed("alice");
        assertThrows(CodedException.class, () -> throttle.check("alice"));
    }

    @Test
    void aSuccessfulLoginClearsTheFailures() {
        throttle.failed("alice");
        throttle.failed("alice");
        throttle.succeeded("alice");
        throttle.failed("alice");
        throttle.failed("alice");
        assertDoesNotThrow(() -> throttle.check("alice"));
    }

    @Test
    void expiredNamesAreSweptOnceManyAreHeld() {
        for (int i = 0; i <= LoginThrottle.SWEEP_ABOVE; i++) {
            throttle.failed("guess" + i);
        }
        now = now.plus(Duration.ofMinutes(16));
        throttle.failed("alice");
        assertEquals(1, throttle.namesHeld());
    }
}
