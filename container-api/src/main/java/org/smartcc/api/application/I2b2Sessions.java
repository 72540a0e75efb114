package org.smartcc.api.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.smartcc.api.domain.Researcher;

/**
 * The session tokens of i2b2's PM cell: a login with a password gets a token ({@code SessionKey:...}, as i2b2 answers
 * it), which i2b2 clients re-send instead of the password in every later message. A token is good for its user only,
 * for {@link #TIMEOUT} after its last use. Tokens are held in memory only: a restart of the server logs i2b2 clients
 * out, and they log in again. A token is a secret like a password: it is never logged.
 */
@ApplicationScoped
public class I2b2Sessions {

    /** The prefix i2b2 gives its tokens; clients send them back as they got them. */
    public static final String PREFIX = "SessionKey:";
    /** i2b2's default session timeout (30 minutes), renewed by every use. */
    public static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    private record Session(Researcher researcher, Instant expires) {
    }

    public I2b2Sessions() {
        this(Clock.systemUTC());
    }

    public I2b2Sessions(Clock clock) {
        this.clock = clock;
    }

    /** Whether the password of a message is a token of this cell rather than a password. */
    public static boolean isToken(String password) {
        return password.startsWith(PREFIX);
    }

    /** A new token for the researcher, who has just logged in with their password. */
    public String open(Researcher researcher) {
        Instant now = clock.instant();
        // expired sessions go when new ones come, so that the map never outgrows the sessions of the last TIMEOUT
        sessions.values().removeIf(s -> !s.expires().isAfter(now));
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Session(researcher, now.plus(TIMEOUT)));
        return token;
    }

    /**
     * The researcher a token was given to, with the roles they had at the login, when it is still good and
     * {@code user} is theirs; its timeout starts again. Empty for an unknown, expired or another user's token.
     */
    public Optional<Researcher> researcher(String token, String user) {
        Instant now = clock.instant();
        Session session = sessions.computeIfPresent(token, (t, s) -> !s.expires().isAfter(now) ? null
                : s.researcher().user().equals(user) ? new Session(s.researcher(), now.plus(TIMEOUT)) : s);
        if (session == null || !session.researcher().user().equals(user)) {
            return Optional.empty();
        }
        return Optional.of(session.researcher());
    }
}
