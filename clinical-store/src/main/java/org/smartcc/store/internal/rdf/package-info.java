/** Jena adapter, internal: the mapping of SMART statements to i2b2 facts, concepts and visits. */
package org.smartcc.store.internal.rdf;
