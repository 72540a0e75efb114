package org.smartcc.api.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * Slows password guessing: after {@code maxFailures} refused passwords for one user name within {@code window}, that
 * name's logins are refused for the rest of the window without the password being checked, so a guess made then
 * tells nothing. A successful login clears the name's failures. Kept per server, in memory: a restart forgets them.
 * Keyed by name rather than by client address, because the logins come through the launcher and proxies, which hide
 * the address; the price is that anyone can hold a known name locked, which the window bounds.
 */
public final class LoginThrottle {

    /** The stable code of a throttled login (HTTP 429). */
    public static final String CODE = "LOGIN_THROTTLED";
    /** Names held before the expired ones are swept: random names must not grow the map without bound. */
    static final int SWEEP_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a login throttle needs at least 1 failure and a positive window");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Refuses with {@value #CODE} while {@code user} has had too many refused passwords. */
    public void check(String user) {
        Deque<Instant> recent = failures.get(key(user));
        if (recent == null) {
            return;
        }
        Instant now = clock.instant();
        synchronized (recent) {
            dropExpired(recent, now);
            if (recent.size() >= maxFailures) {
                long seconds = Math.max(1, Duration.between(now, recent.peekFirst().plus(window)).toSeconds());
                throw new CodedException(ErrorKind.TOO_MANY_REQUESTS, CODE, "too many wrong passwords for this user:"
                        + " try again in " + seconds + " s");
            }
        }
    }

    /** Counts a refused password for {@code user}. */
    public void failed(String user) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    dropExpired(recent, now);
                    return recent.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(key(user), k -> new ArrayDeque<>());
        synchronized (recent) {
            dropExpired(recent, now);
            recent.addLast(now);
            while (recent.size() > maxFailures) {
                recent.removeFirst();
            }
        }
    }

    /** Clears {@code user}'s failures. */
    public void succeeded(String user) {
        failures.remove(key(user));
    }

    /** How many names have failures held, for tests of the sweep. */
    int namesHeld() {
        return failures.size();
    }

    private void dropExpired(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
    }

    /** Names differ in case only as typed: the same account must not get a fresh allowance per spelling. */
    private static String key(String user) {
        return user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
    }
}
