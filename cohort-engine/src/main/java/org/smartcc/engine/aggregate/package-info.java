/** Aggregates over a patient set: patients by code, numeric value distributions, all through small-cell protection. */
package org.smartcc.engine.aggregate;
