package org.smartcc.engine.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Refuses a query that an obfuscated user has already run {@code maxRuns} times within {@code days} days: each run
 * draws fresh noise, so averaging many runs of the same query would converge on the exact count. It applies only to
 * users who get obfuscated counts; the caller skips it for users who see exact counts.
 *
 * @param maxRuns how many answered runs of the same query the window may hold (i2b2: 7)
 * @param days    how many days back runs count (i2b2: 30)
 */
public record QueryLockout(int maxRuns, int days) {

    public QueryLockout {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be at least 1: " + maxRuns);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
    }

    /**
     * Allows the run at {@code now} or throws {@link PrivacyLockoutException}.
     *
     * @param earlierRuns when the same user's earlier answered runs of the same query (same {@link #fingerprint})
     *                    started; runs at or before {@code now - days} are ignored
     */
    public void check(List<Instant> earlierRuns, Instant now) {
        Duration window = Duration.ofDays(days);
        Instant windowStart = now.minus(window);
        List<Instant> recent = earlierRuns.stream().filter(run -> run.isAfter(windowStart)).sorted().toList();
        if (recent.size() < maxRuns) {
            return;
        }
        // Runs leave the window oldest first; once all but maxRuns - 1 of them have left, a run is allowed again.
        Instant lockedUntil = recent.get(recent.size() - maxRuns).plus(window);
        throw new PrivacyLockoutException(recent.size(), days, lockedUntil);
    }

    /**
     * The identity of a query for the lockout: the lower-case hex SHA-256 of the caller's normalised form of the
     * definition (one that leaves out what does not change the answer, such as the query name).
     */
    public static String fingerprint(String normalisedDefinition) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(normalisedDefinition.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJavaPlatformHasSha256) {
            throw new IllegalStateException(everyJavaPlatformHasSha256);
        }
    }
}
