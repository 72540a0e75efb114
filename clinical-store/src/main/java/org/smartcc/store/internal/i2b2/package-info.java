/** Internal: reads the patients of an i2b2 warehouse and turns each into a graph of SMART 0.6 statements. */
package org.smartcc.store.internal.i2b2;
