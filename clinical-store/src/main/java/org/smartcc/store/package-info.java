/**
 * The clinical store's front door and exported API, with {@code domain}: {@link org.smartcc.store.Database},
 * {@link org.smartcc.store.ClinicalStore}, the SMART ontology and vocabulary, safe RDF/XML parsing and the record
 * graph that gives statements their stable ids; {@code application} and {@code internal.*} are not for other modules.
 */
package org.smartcc.store;
