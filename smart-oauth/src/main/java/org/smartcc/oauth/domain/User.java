package org.smartcc.oauth.domain;

import java.util.Objects;

/** A container user; the id is the e-mail address, as in the reference container. */
public record User(String id, String givenName, String familyName, String department, String role) {

    public User {
        Objects.requireNonNull(id, "id");
    }
}
