package org.smartcc.store.internal.graph;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.smartcc.store.Vocab;

/**
 * A Jena model being filled with SMART statements, and the spec's core patterns (§3.3): statements as blank nodes
 * (the record mapper mints their URIs and {@code sp:belongsTo}), CodedValues with their Code nodes, ValueAndUnits.
 */
public final class SmartGraph {

    public static final String SNOMED = "http://purl.bioontology.org/ontology/SNOMEDCT/";
    public static final String LOINC = "http://purl.bioontology.org/ontology/LNC/";
    public static final String RXNORM = "http://purl.bioontology.org/ontology/RXNORM/";
    public static final String CVX = "http://www2a.cdc.gov/nip/IIS/IISStandards/vaccines.asp?rpt=cvx#";
    public static final String ICD9 = "http://purl.bioontology.org/ontology/ICD9CM/";
    public static final String NDC = "http://hl7.org/fhir/sid/ndc/";

    private final Model model = ModelFactory.createDefaultModel();

    public SmartGraph() {
        model.setNsPrefix("sp", Vocab.SP);
        model.setNsPrefix("spcode", Vocab.SPCODE);
        model.setNsPrefix("dcterms", Vocab.DCTERMS);
        model.setNsPrefix("v", Vocab.VCARD);
        model.setNsPrefix("foaf", Vocab.FOAF);
    }

    public Model model() {
        return model;
    }

    /** A new statement of a SMART type, e.g. {@code Problem}. */
    public Resource statement(String type) {
        return model.createResource().addProperty(RDF.type, Vocab.sp(type));
    }

    /** A new blank node of a class, e.g. {@code sp:ValueAndUnit}. */
    public Resource node(Resource type) {
        return model.createResource().addProperty(RDF.type, type);
    }

    /** Adds a literal unless it is null: optional CSV columns simply leave the property out. */
    public static void literal(Resource subject, Property property, String value) {
        if (value != null) {
            subject.addProperty(property, value);
        }
    }

    /**
     * {@code [ a sp:CodedValue ; dcterms:title title ; sp:code <system+identifier> ]} and its Code node
     * {@code <system+identifier> a sp:Code, spcode:<codeClass> ; sp:system ; dcterms:identifier ; dcterms:title}.
     * A null {@code codeClass} leaves the code a plain sp:Code: for systems the ontology has no class for (ICD-9-CM,
     * NDC), where naming the class SMART expects (SNOMED, RxNorm) would misstate what the code is.
     */
    public Resource codedValue(String system, String identifier, String title, String codeClass) {
        Resource code = model.createResource(system + identifier)
                .addProperty(RDF.type, Vocab.CODE)
                .addProperty(Vocab.spProperty("system"), system)
                .addProperty(Vocab.IDENTIFIER, identifier);
        if (codeClass != null) {
            code.addProperty(RDF.type, model.createResource(Vocab.SPCODE + codeClass));
        }
        setCodeTitle(code, title);
        return node(Vocab.sp("CodedValue")).addProperty(Vocab.TITLE, title).addProperty(Vocab.CODE_PROPERTY, code);
    }

    /** A code of a SMART enumeration, e.g. {@code EncounterType#ambulatory}, with the title the ontology gives it. */
    public Resource enumerated(String enumeration, String identifier, String title) {
        return codedValue(Vocab.SPCODE + enumeration + "#", identifier, title, enumeration);
    }

    /**
     * {@code [ a sp:Code, spcode:MedicalRecordNumber ; sp:system system ; dcterms:identifier id ; dcterms:title title ]}:
     * the patient's identifier in the source, which is what SMART's medical record number is.
     */
    public Resource medicalRecordNumber(String system, String identifier, String title) {
        return node(Vocab.CODE)
                .addProperty(RDF.type, model.createResource(Vocab.SPCODE + "MedicalRecordNumber"))
                .addProperty(Vocab.spProperty("system"), system)
                .addProperty(Vocab.IDENTIFIER, identifier)
                .addProperty(Vocab.TITLE, title);
    }

    /** {@code [ a <type> ; sp:value value ; sp:unit unit ]}: a ValueAndUnit or one of its subclasses (VitalSign). */
    public Resource valueAndUnit(Resource type, String value, String unit) {
        return node(type).addProperty(Vocab.VALUE, value).addProperty(Vocab.UNIT, unit);
    }

    /**
     * A code node is shared by every statement that uses the code, and Synthea sometimes writes one code with two
     * descriptions ({@code Wheezing} and {@code Wheezing (finding)}); the code keeps the first in sort order, so its
     * title does not depend on the order of the rows. Each CodedValue keeps its own row's description.
     */
    private static void setCodeTitle(Resource code, String title) {
        Statement current = code.getProperty(Vocab.TITLE);
        if (current == null) {
            code.addProperty(Vocab.TITLE, title);
            return;
        }
        RDFNode existing = current.getObject();
        if (title.compareTo(existing.asLiteral().getLexicalForm()) < 0) {
            current.remove();
            code.addProperty(Vocab.TITLE, title);
        }
    }
}
