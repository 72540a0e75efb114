package org.smartcc.store;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The SMART namespaces and the few terms the store reads itself. */
public final class Vocab {

    public static final String SP = "http://smartplatforms.org/terms#";
    public static final String SPCODE = "http://smartplatforms.org/terms/codes/";
    public static final String API = "http://smartplatforms.org/terms/api#";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";

    /**
     * Base of the statement URIs kept in the store. The API replaces it with its own base when it serves a statement,
     * so stored RDF does not depend on the host name the container runs under.
     */
    public static final String STORE_BASE = "urn:smartcc:api";

    public static final Resource STATEMENT = sp("Statement");
    public static final Resource MEDICAL_RECORD = sp("MedicalRecord");
    public static final Resource CODE = sp("Code");
    public static final Property BELONGS_TO = spProperty("belongsTo");
    public static final Property HAS_STATEMENT = spProperty("hasStatement");
    public static final Property CODE_PROPERTY = spProperty("code");
    public static final Property VALUE = spProperty("value");
    public static final Property UNIT = spProperty("unit");
    public static final Property VITAL_NAME = spProperty("vitalName");
    public static final Property TITLE = ResourceFactory.createProperty(DCTERMS, "title");
    public static final Property DATE = ResourceFactory.createProperty(DCTERMS, "date");
    public static final Property IDENTIFIER = ResourceFactory.createProperty(DCTERMS, "identifier");
    public static final Property BASE_PATH = ResourceFactory.createProperty(API, "base_path");

    private Vocab() {
    }

    public static Resource sp(String localName) {
        return ResourceFactory.createResource(SP + localName);
    }

    public static Property spProperty(String localName) {
        return ResourceFactory.createProperty(SP, localName);
    }

    public static Property vcard(String localName) {
        return ResourceFactory.createProperty(VCARD, localName);
    }
}
