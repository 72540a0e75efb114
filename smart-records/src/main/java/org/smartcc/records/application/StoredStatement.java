package org.smartcc.records.application;

/**
 * One statement as the store keeps it (docs/data-model.md, "statement fact").
 *
 * @param type       the SMART class's local name, e.g. {@code Medication}
 * @param id         the statement id, the last segment of its URI
 * @param ntriples   its complete RDF as N-Triples, URIs under {@code urn:smartcc:api}
 */
public record StoredStatement(String type, String id, String ntriples) {
}
