/** SMART classic record resources: routes read from the ontology, filters, paging and RDF responses. */
package org.smartcc.records;
