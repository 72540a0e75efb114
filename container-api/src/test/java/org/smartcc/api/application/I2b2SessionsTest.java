package org.smartcc.api.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smartcc.api.domain.Researcher;

/** PM session tokens: for their user only, renewed by use, gone after the timeout without use. */
class I2b2SessionsTest {

    private static final Researcher SAM = new Researcher("sam", Set.of("DATA_AGG"));

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aTokenLogsInItsUserOnly() {
        I2b2Sessions sessions = new I2b2Sessions(new Moving());
        String token = sessions.open(SAM);
        assertTrue(I2b2Sessions.isToken(token) && token.length() > 30, token);
        assertNotEquals(token, sessions.open(SAM), "every login gets a token of its own");
        assertEquals(Optional.of(SAM), sessions.researcher(token, "sam"));
        assertEquals(Optional.empty(), sessions.researcher(token, "rita"), "another user's token");
        assertEquals(Optional.of(SAM), sessions.researcher(token, "sam"), "a wrong user does not end the session");
        assertEquals(Optional.empty(), sessions.researcher(I2b2Sessions.PREFIX + "guessed", "sam"));
        assertTrue(!I2b2Sessions.isToken("demouser"), "a password is no token");
    }

    @Test
    void aTokenExpiresAfterTheTimeoutWithoutUseAndEachUseRenewsIt() {
        Moving clock = new Moving();
        I2b2Sessions sessions = new I2b2Sessions(clock);
        String token = sessions.open(SAM);
        clock.now = clock.now.plus(I2b2Sessions.TIMEOUT.minus(Duration.ofSeconds(1)));
        assertEquals(Optional.of(SAM), sessions.researcher(token, "sam"));
        clock.now = clock.now.plus(I2b2Sessions.TIMEOUT.minus(Duration.ofSeconds(1)));
        assertEquals(Optional.of(SAM), sessions.researcher(token, "sam"), "renewed by the use before");
        clock.now = clock.now.plus(I2b2Sessions.TIMEOUT);
        assertEquals(Optional.empty(), sessions.researcher(token, "sam"), "expired");
    }
}
