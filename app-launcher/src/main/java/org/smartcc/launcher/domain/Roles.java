package org.smartcc.launcher.domain;

import java.util.List;

/** The roles (groups) a launcher user may have; the admin pages and calls need {@link #ADMIN}. */
public final class Roles {

    public static final String RESEARCHER = "researcher";
    public static final String CLINICIAN = "clinician";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(RESEARCHER, CLINICIAN, ADMIN);

    private Roles() {
    }
}
