package org.smartcc.store.internal.rdf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.smartcc.store.Vocab;

/** Turns a SMART code URI into an i2b2 concept code {@code SYSTEM:code}, e.g. {@code RXNORM:856845}. */
final class CodeSystems {

    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("http://purl.bioontology.org/ontology/LNC/", "LOINC");
        PREFIXES.put("http://purl.bioontology.org/ontology/SNOMEDCT/", "SNOMED");
        PREFIXES.put("http://purl.bioontology.org/ontology/RXNORM/", "RXNORM");
        PREFIXES.put("http://purl.bioontology.org/ontology/NDFRT/", "NDFRT");
        PREFIXES.put("http://fda.gov/UNII/", "UNII");
        PREFIXES.put("http://www2a.cdc.gov/nip/IIS/IISStandards/vaccines.asp?rpt=cvx#", "CVX");
        PREFIXES.put("http://www2a.cdc.gov/nip/IIS/IISStandards/vaccines.asp?rpt=vg#", "CVXVG");
        PREFIXES.put("http://hl7.org/fhir/sid/icd-9-cm/", "ICD9");
        PREFIXES.put("http://purl.bioontology.org/ontology/ICD9CM/", "ICD9");
        PREFIXES.put("http://hl7.org/fhir/sid/ndc/", "NDC");
    }

    private CodeSystems() {
    }

    /** The concept code, or empty when the URI is in no known system (the statement is still stored whole). */
    public static Optional<String> conceptCode(String codeUri) {
        for (Map.Entry<String, String> e : PREFIXES.entrySet()) {
            if (codeUri.startsWith(e.getKey()) && codeUri.length() > e.getKey().length()) {
                return Optional.of(e.getValue() + ":" + codeUri.substring(e.getKey().length()));
            }
        }
        // SMART's own enumerations: http://smartplatforms.org/terms/codes/EncounterType#ambulatory -> EncounterType:ambulatory
        if (codeUri.startsWith(Vocab.SPCODE) && codeUri.indexOf('#') > Vocab.SPCODE.length()) {
            return Optional.of(codeUri.substring(Vocab.SPCODE.length()).replace('#', ':'));
        }
        return Optional.empty();
    }
}
