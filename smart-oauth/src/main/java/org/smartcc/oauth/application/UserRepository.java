package org.smartcc.oauth.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smartcc.oauth.domain.DataRole;
import org.smartcc.oauth.domain.User;
import org.smartcc.oauth.domain.UserRole;

/** Container users (the people who sign in to the launcher and approve apps). */
public interface UserRepository {

    /** Inserts or replaces the user; their password hash and roles stay. */
    void save(User user);

    Optional<User> find(String userId);

    /** Every user, ordered by id. */
    List<User> findAll();

    /** The stored password hash ({@link org.smartcc.oauth.application.PasswordHash}); empty when the user has none. */
    Optional<String> passwordHash(String userId);

    void setPasswordHash(String userId, String passwordHash);

    Set<UserRole> roles(String userId);

    /** The roles of every user that has one. */
    Map<String, Set<UserRole>> allRoles();

    /** Replaces the user's roles. */
    void setRoles(String userId, Set<UserRole> roles);

    /** The user's data roles; empty for an unknown user. */
    Set<DataRole> dataRoles(String userId);

    /** Replaces the data roles of a saved user. */
    void setDataRoles(String userId, Set<DataRole> dataRoles);
}
