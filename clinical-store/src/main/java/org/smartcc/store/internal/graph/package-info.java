/** Internal: what the source importers (Synthea, i2b2 warehouses) share to build graphs of SMART 0.6 statements. */
package org.smartcc.store.internal.graph;
