package org.smartcc.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smartcc.store.Vocab;

/** The namespace prefixes of §3.2, used in every serialisation (and as the JSON-LD context). */
public final class SmartPrefixes {

    public static final Map<String, String> MAP;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        m.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        m.put("owl", "http://www.w3.org/2002/07/owl#");
        m.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        m.put("sp", Vocab.SP);
        m.put("spcode", Vocab.SPCODE);
        m.put("api", Vocab.API);
        m.put("dcterms", Vocab.DCTERMS);
        m.put("v", Vocab.VCARD);
        m.put("foaf", Vocab.FOAF);
        MAP = Collections.unmodifiableMap(m);
    }

    private SmartPrefixes() {
    }
}
