package org.smartcc.oauth.application;

import java.util.List;
import java.util.Optional;
import org.smartcc.oauth.domain.User;

/** Container users (the people who approve apps). */
public interface UserRepository {

    /** Inserts or replaces the user. */
    void save(User user);

    Optional<User> find(String userId);

    /** Every user, ordered by id. */
    List<User> findAll();
}
