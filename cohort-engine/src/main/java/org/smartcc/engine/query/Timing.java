package org.smartcc.engine.query;

/** How panels join (cohort-model §1.5): on the patient, the encounter, or the whole fact instance. */
public enum Timing {
    ANY, SAME, SAMEVISIT, SAMEINSTANCENUM
}
