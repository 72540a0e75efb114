/** Adapters: the ontology's call table, the JDBC statement repository, document files and RDF serialisation. */
package org.smartcc.records.infrastructure;
