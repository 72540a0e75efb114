/**
 * The i2b2 CRC query model (cohort-model §1.3–1.5) as plain values: query definitions, panels, items, constraints, and
 * the demographic terms that items may name.
 */
package org.smartcc.engine.query;
