package org.smartcc.api.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.smartcc.oauth.application.PasswordHash;
import org.smartcc.store.Database;

/**
 * Researchers of the cohort API ({@code cohort_user}): {@link PasswordHash password hashes} and data roles. With the
 * demo login on, i2b2's public demo user {@code demo}/{@code demouser} is one more user, with roles that see exact
 * counts; it is never stored.
 */
public final class CohortUsers {

    public static final String DEMO_USER = "demo";
    private static final String DEMO_PASSWORD = "demouser";
    private static final Set<String> DEMO_ROLES = Set.of("DATA_AGG", "DATA_LDS");

    private final Database database;
    private final boolean demoLogin;

    public CohortUsers(Database database, boolean demoLogin) {
        this.database = database;
        this.demoLogin = demoLogin;
    }

    /**
     * A password check: whether the name is a cohort user's (i2b2's demo user's too, with its login on), and their
     * roles when the password is right.
     */
    public record Check(boolean known, Optional<Set<String>> roles) {
    }

    /**
     * The user's roles when the password is right; empty for an unknown user or a wrong password, after the same
     * work either way (an unknown user's password is hashed as a known one's), so that the time taken does not tell.
     */
    public Optional<Set<String>> authenticate(String user, String password) {
        Check check = check(user, password);
        if (!check.known()) {
            PasswordHash.matches(password, null);
        }
        return check.roles();
    }

    /**
     * Checks the password of a cohort user. An unknown name is answered without hashing the password, for a caller
     * that goes on to check it as another kind of user's ({@code ResearcherLogins}), which hashes it then.
     */
    public Check check(String user, String password) {
        if (demoLogin && DEMO_USER.equals(user)) {
            return new Check(true, PasswordHash.plainEquals(DEMO_PASSWORD, password) ? Optional.of(DEMO_ROLES)
                    : Optional.empty());
        }
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT password_hash, roles FROM cohort_user WHERE user_id = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Check(false, Optional.empty());
                }
                return new Check(true, PasswordHash.matches(password, rs.getString(1))
                        ? Optional.of(roles(rs.getString(2))) : Optional.empty());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cohort users could not be read", e);
        }
    }

    /** Creates the user or replaces their password and roles. */
    public void put(String user, String password, Set<String> roles) {
        String sql = database.dialect().upsert("cohort_user",
                List.of("user_id", "password_hash", "roles", "updated_ms"));
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, user);
            ps.setString(2, PasswordHash.hash(password));
            ps.setString(3, String.join(",", roles));
            ps.setLong(4, System.currentTimeMillis());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cohort user could not be saved", e);
        }
    }

    private static Set<String> roles(String text) {
        Set<String> roles = new LinkedHashSet<>();
        Arrays.stream(text.split(",")).map(String::trim).filter(r -> !r.isEmpty()).forEach(roles::add);
        return roles;
    }
}
