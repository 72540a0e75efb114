package org.smartcc.oauth.application;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smartcc.oauth.domain.DataRole;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.User;
import org.smartcc.oauth.domain.UserAccount;
import org.smartcc.oauth.domain.UserRole;

/** Sign-in to the launcher and the administration of its users: passwords and roles. */
public final class UserAccounts {

    /** The development profile's login, whose password the documentation publishes. */
    public static final String DEV_LOGIN = "dev";
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final int MAX_ID_LENGTH = 255;

    private final UserRepository users;

    public UserAccounts(UserRepository users) {
        this.users = users;
    }

    /**
     * The user with their roles when the password is theirs.
     *
     * @throws OAuthException LOGIN_FAILED, with the same message whether the user is unknown, has no password or gave
     *                        a wrong one (and after the same work, so that the time taken does not tell either)
     */
    public UserAccount signIn(String userId, String password) {
        Optional<String> hash = userId == null ? Optional.empty() : users.passwordHash(userId);
        boolean matches = PasswordHash.matches(password == null ? "" : password, hash.orElse(null));
        Optional<User> user = matches ? users.find(userId) : Optional.empty();
        return user.map(this::account)
                .orElseThrow(() -> new OAuthException(OAuthError.LOGIN_FAILED, "wrong user name or password"));
    }

    public Optional<UserAccount> find(String userId) {
        return users.find(userId).map(this::account);
    }

    /** Every user with their roles, ordered by id. */
    public List<UserAccount> all() {
        Map<String, Set<UserRole>> roles = users.allRoles();
        return users.findAll().stream().map(u -> new UserAccount(u, roles.getOrDefault(u.id(), Set.of()),
                users.dataRoles(u.id()))).toList();
    }

    private UserAccount account(User user) {
        return new UserAccount(user, users.roles(user.id()), users.dataRoles(user.id()));
    }

    /**
     * Creates the user or replaces their names and roles, and their password when one is given.
     *
     * @param password null keeps the password of an existing user; a new user needs one
     * @param roles     role names ({@link UserRole})
     * @param dataRoles data role names ({@link DataRole}); null keeps those of an existing user (a new one starts
     *                  with the default, {@code DATA_OBFSC})
     * @return true if the user was created
     * @throws OAuthException USER_INVALID naming what is wrong
     */
    public boolean put(String userId, String givenName, String familyName, String password,
                       Collection<String> roles, Collection<String> dataRoles) {
        if (userId == null || userId.isBlank() || userId.length() > MAX_ID_LENGTH
                || userId.chars().anyMatch(c -> c <= ' ')) {
            throw new OAuthException(OAuthError.USER_INVALID, "a user id is 1 to " + MAX_ID_LENGTH
                    + " characters without spaces");
        }
        Set<UserRole> parsed = EnumSet.noneOf(UserRole.class);
        roles.forEach(name -> parsed.add(UserRole.ofName(name)));
        Set<DataRole> parsedData = EnumSet.noneOf(DataRole.class);
        if (dataRoles != null) {
            dataRoles.forEach(name -> parsedData.add(DataRole.ofName(name)));
        }
        Optional<User> existing = users.find(userId);
        if (password == null && existing.isEmpty()) {
            throw new OAuthException(OAuthError.USER_INVALID, "a new user needs a password");
        }
        if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
            throw new OAuthException(OAuthError.USER_INVALID, "a password has at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        users.save(new User(userId, givenName, familyName, existing.map(User::department).orElse(null),
                existing.map(User::role).orElse(null)));
        if (password != null) {
            users.setPasswordHash(userId, PasswordHash.hash(password));
        }
        users.setRoles(userId, parsed);
        if (dataRoles != null) {
            users.setDataRoles(userId, parsedData);
        }
        return existing.isEmpty();
    }

    /**
     * The development profile's user {@value #DEV_LOGIN} with password {@value #DEV_LOGIN}, every role and exact
     * counts ({@code DATA_AGG}, {@code DATA_LDS}, as i2b2's demo user): a published credential, too short for
     * {@link #put}, that only the development run creates.
     */
    public void createDevelopmentLogin() {
        users.save(new User(DEV_LOGIN, "Dev", "User", "Development", null));
        users.setPasswordHash(DEV_LOGIN, PasswordHash.hash(DEV_LOGIN));
        users.setRoles(DEV_LOGIN, EnumSet.allOf(UserRole.class));
        users.setDataRoles(DEV_LOGIN, EnumSet.of(DataRole.DATA_AGG, DataRole.DATA_LDS));
    }
}
