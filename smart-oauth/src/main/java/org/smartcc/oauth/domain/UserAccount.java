package org.smartcc.oauth.domain;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A user as the launcher knows them: the person, the roles they sign in with, and the data roles the cohort API
 * gives them when the launcher acts for them.
 */
public record UserAccount(User user, Set<UserRole> roles, Set<DataRole> dataRoles) {

    public UserAccount {
        Objects.requireNonNull(user, "user");
        roles = Set.copyOf(roles);
        dataRoles = Set.copyOf(dataRoles);
    }

    public String id() {
        return user.id();
    }

    /** Given and family name; the id when the user has neither. */
    public String fullName() {
        String name = Stream.of(user.givenName(), user.familyName()).filter(n -> n != null && !n.isBlank())
                .collect(Collectors.joining(" "));
        return name.isEmpty() ? user.id() : name;
    }

    public boolean has(UserRole role) {
        return roles.contains(role);
    }
}
