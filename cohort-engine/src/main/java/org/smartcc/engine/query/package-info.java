/** The i2b2 CRC query model (cohort-model §1.3–1.5) as plain values: query definitions, panels, items, constraints. */
package org.smartcc.engine.query;
