package org.smartcc.launcher.domain;

import java.io.Serializable;
import java.util.List;

/** The signed-in user as the pages and the API server's calls need them: the API's user id, a name, the roles. */
public record Caller(String id, String fullName, List<String> roles) implements Serializable {

    public Caller {
        roles = List.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean isResearcher() {
        return roles.contains(Roles.RESEARCHER);
    }
}
