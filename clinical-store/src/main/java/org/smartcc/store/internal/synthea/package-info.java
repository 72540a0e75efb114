/** Internal: reads a Synthea CSV export and turns each patient's rows into a graph of SMART 0.6 statements. */
package org.smartcc.store.internal.synthea;
