/**
 * Small-cell protection of the patient counts shown to researchers: i2b2 or SHRINE style obfuscation, exact counts
 * for trusted roles, and the lockout of repeated identical queries.
 */
package org.smartcc.engine.privacy;
