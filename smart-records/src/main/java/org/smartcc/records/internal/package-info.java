/** Adapters, internal: the ontology's call table, the JDBC statement repository, document files, RDF/XML writing. */
package org.smartcc.records.internal;
