package org.smartcc.store.internal.rdf;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.smartcc.store.Vocab;
import org.smartcc.store.domain.Concept;
import org.smartcc.store.domain.ConceptPaths;
import org.smartcc.store.domain.Fact;

/**
 * The coded facts of a statement, beside the statement fact that carries its RDF (docs/data-model.md has the table).
 * Codes that describe something other than the patient's own condition get a role prefix, so that a query for
 * {@code SNOMED:} problems does not find a relative's problem or an allergy's reaction.
 */
final class StatementFacts {

    /** A coded fact and the concepts (with folders) that describe its code. */
    record Coded(Fact fact, List<Concept> concepts) {
    }

    private final List<Coded> out = new ArrayList<>();
    private final Resource statement;
    private final int instanceNum;
    private final String visitKey;
    private final LocalDateTime start;
    private final LocalDateTime end;

    private StatementFacts(Resource statement, int instanceNum, String visitKey, LocalDateTime start, LocalDateTime end) {
        this.statement = statement;
        this.instanceNum = instanceNum;
        this.visitKey = visitKey;
        this.start = start;
        this.end = end;
    }

    static List<Coded> of(String type, Resource statement, int instanceNum, String visitKey,
                          LocalDateTime start, LocalDateTime end) {
        StatementFacts f = new StatementFacts(statement, instanceNum, visitKey, start, end);
        switch (type) {
            case "Medication" -> f.medication();
            case "Problem" -> f.code("problemName", "", "Problems");
            case "Procedure" -> f.code("procedureName", "", "Procedures");
            case "LabResult" -> f.labResult();
            case "VitalSignSet" -> f.vitalSigns(statement, 2);
            case "Immunization" -> f.immunization();
            case "Allergy" -> {
                f.code("drugAllergen", "ALLERGEN:", "Allergies", "Drug allergens");
                f.code("drugClassAllergen", "ALLERGEN:", "Allergies", "Drug class allergens");
                f.code("otherAllergen", "ALLERGEN:", "Allergies", "Other allergens");
            }
            case "AllergyExclusion" -> f.code("allergyExclusionName", "", "Allergy exclusions");
            case "FamilyHistory" -> f.code("problemName", "FAMILYHX:", "Family history");
            case "SocialHistory" -> f.code("smokingStatus", "", "Social history", "Smoking status");
            case "Encounter" -> f.code("encounterType", "", "Encounters", "Encounter types");
            default -> {
                // Notes, documents, photographs, fulfillments, imaging: the statement fact alone carries them.
            }
        }
        return f.out;
    }

    private void medication() {
        codedValue(statement, "drugName").ifPresent(cv -> {
            String title = title(cv);
            Optional<Coded> coded = coded(cv, "", "Medications", ConceptPaths.ingredientOf(title));
            coded.ifPresent(c -> {
                Resource quantity = statement.getPropertyResourceValue(Vocab.spProperty("quantity"));
                Optional<BigDecimal> value = number(quantity);
                out.add(value.isPresent()
                        ? new Coded(c.fact().withNumber(value.get(), literal(quantity, Vocab.UNIT), null), c.concepts())
                        : c);
            });
        });
    }

    private void labResult() {
        codedValue(statement, "labName").ifPresent(cv -> {
            Optional<Coded> coded = coded(cv, "", "Lab results", ConceptPaths.specimenOf(title(cv)));
            coded.ifPresent(c -> {
                String flag = codedValue(statement, "abnormalInterpretation")
                        .map(i -> i.getPropertyResourceValue(Vocab.CODE_PROPERTY))
                        .map(code -> code.getURI().substring(code.getURI().lastIndexOf('#') + 1))
                        .orElse(null);
                Resource quantitative = statement.getPropertyResourceValue(Vocab.spProperty("quantitativeResult"));
                Resource valueAndUnit = quantitative == null ? null
                        : quantitative.getPropertyResourceValue(Vocab.spProperty("valueAndUnit"));
                Optional<BigDecimal> value = number(valueAndUnit);
                Resource narrative = statement.getPropertyResourceValue(Vocab.spProperty("narrativeResult"));
                Fact fact = c.fact();
                if (value.isPresent()) {
                    fact = fact.withNumber(value.get(), literal(valueAndUnit, Vocab.UNIT), flag);
                } else if (narrative != null && literal(narrative, Vocab.VALUE) != null) {
                    fact = fact.withText(truncate(literal(narrative, Vocab.VALUE)), flag);
                }
                out.add(new Coded(fact, c.concepts()));
            });
        });
    }

    /** Every vital sign below the set (blood pressure nests systolic and diastolic) is a LOINC fact with its value. */
    private void vitalSigns(Resource node, int depth) {
        for (Statement s : node.listProperties().toList()) {
            if (!s.getObject().isAnon() || s.getPredicate().equals(Vocab.BELONGS_TO)
                    || s.getPredicate().equals(Vocab.spProperty("encounter"))) {
                continue;
            }
            Resource child = s.getObject().asResource();
            Resource name = child.getPropertyResourceValue(Vocab.VITAL_NAME);
            if (name != null) {
                coded(name, "", "Vital signs").ifPresent(c -> out.add(number(child)
                        .map(v -> new Coded(c.fact().withNumber(v, literal(child, Vocab.UNIT), null), c.concepts()))
                        .orElse(c)));
            } else if (depth > 1) {
                vitalSigns(child, depth - 1);
            }
        }
    }

    private void immunization() {
        String group = codedValue(statement, "productClass").map(StatementFacts::title).orElse("Other vaccines");
        code("productName", "", "Immunizations", group);
    }

    private void code(String property, String role, String... folders) {
        codedValue(statement, property).flatMap(cv -> coded(cv, role, folders)).ifPresent(out::add);
    }

    private Optional<Coded> coded(Resource codedValue, String role, String... folders) {
        Resource code = codedValue.getPropertyResourceValue(Vocab.CODE_PROPERTY);
        if (code == null || !code.isURIResource()) {
            return Optional.empty();
        }
        return CodeSystems.conceptCode(code.getURI()).map(cd -> role + cd).filter(cd -> cd.length() <= 50).map(cd ->
                new Coded(Fact.coded(cd, instanceNum, visitKey, start, end),
                        ConceptPaths.withFolders(cd, title(codedValue), folders)));
    }

    private static Optional<Resource> codedValue(Resource node, String property) {
        return Optional.ofNullable(node.getPropertyResourceValue(Vocab.spProperty(property)));
    }

    private static String title(Resource codedValue) {
        String title = literal(codedValue, Vocab.TITLE);
        if (title == null) {
            Resource code = codedValue.getPropertyResourceValue(Vocab.CODE_PROPERTY);
            title = code == null ? null : literal(code, Vocab.TITLE);
        }
        return title;
    }

    static String literal(Resource node, org.apache.jena.rdf.model.Property property) {
        if (node == null) {
            return null;
        }
        Statement s = node.getProperty(property);
        RDFNode o = s == null ? null : s.getObject();
        return o != null && o.isLiteral() ? o.asLiteral().getLexicalForm() : null;
    }

    private static Optional<BigDecimal> number(Resource valueAndUnit) {
        String text = literal(valueAndUnit, Vocab.VALUE);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String truncate(String text) {
        return text.length() > 255 ? text.substring(0, 255) : text;
    }
}
