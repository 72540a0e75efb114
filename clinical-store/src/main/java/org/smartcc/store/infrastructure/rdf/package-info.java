/** Jena adapters: the SMART ontology, safe RDF/XML parsing and the mapping of SMART statements to facts. */
package org.smartcc.store.infrastructure.rdf;
