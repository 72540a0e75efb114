package org.smartcc.api.domain;

/** Who grants or revokes: a set's owner (a cohort user) or an administrator, who may act on any set. */
public record Granter(String name, boolean admin) {

    /** The name an administrator's grants and revocations are audited under. */
    public static final Granter ADMIN = new Granter("admin", true);

    public static Granter researcher(Researcher researcher) {
        return new Granter(researcher.user(), false);
    }
}
