package org.smartcc.api.domain;

import java.util.Set;

/** A cohort user who has logged in, and their data roles (which decide whether they see exact counts). */
public record Researcher(String user, Set<String> roles) {
}
