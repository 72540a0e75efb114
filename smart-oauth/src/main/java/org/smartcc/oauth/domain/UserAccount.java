package org.smartcc.oauth.domain;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A user as the launcher knows them: the person and the roles they sign in with. */
public record UserAccount(User user, Set<UserRole> roles) {

    public UserAccount {
        Objects.requireNonNull(user, "user");
        roles = Set.copyOf(roles);
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
