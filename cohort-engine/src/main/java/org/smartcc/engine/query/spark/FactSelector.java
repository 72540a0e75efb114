package org.smartcc.engine.query.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smartcc.engine.query.AgeAtEvent;
import org.smartcc.engine.query.DateBound;
import org.smartcc.engine.query.DateWindow;
import org.smartcc.engine.query.DemographicTerms;
import org.smartcc.engine.query.Item;
import org.smartcc.engine.query.ItemKey;
import org.smartcc.engine.query.ModifierConstraint;
import org.smartcc.engine.query.PatientColumnTerm;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.ValueConstraint;

/**
 * The facts an item selects. A concept item filters on the sorted literal list of codes below its path (see
 * {@link ConceptIndex}); with a modifier constraint it selects the modifier rows of those concepts instead of the
 * facts themselves. A stored set, a patient, an encounter or a demographic term ({@link DemographicTerms}: the
 * patients whose {@code patient_dimension} row satisfies it) selects every fact of its members, and so does an i2b2
 * warehouse's ontology term on a dimension table ({@link OntologyTerms}: patients, visits or providers). Date windows
 * and value constraints then filter; LARGETEXT constraints read the text facts, which the snapshot keeps apart from
 * the rest; age-at-event constraints join the patients' birth dates.
 */
final class FactSelector {

    /** The columns of a selected fact: the patient, the fact key as i2b2 counts it, and the end date. */
    static final List<String> COLUMNS = List.of("patient_num", "encounter_num", "instance_num", "concept_cd",
            "start_date", "provider_id", "end_date");

    private static final String HIVE = "HIVE";

    private final Dataset<Row> facts;
    private final Optional<Dataset<Row>> textFacts;
    private final Dataset<Row> patientMapping;
    private final Dataset<Row> patients;
    private final ConceptIndex concepts;
    private final ConceptIndex modifiers;
    private final Demographics demographics;
    private final Dimensions dimensions;
    private final SetResolver sets;

    /**
     * @param patients     {@code patient_dimension}: birth dates for age-at-event constraints, and the columns that
     *                     demographic terms read
     * @param demographics the snapshot's demographic terms and the day on which their ages count
     * @param dimensions   an i2b2 warehouse's ontology terms on the dimension tables, and those tables
     */
    FactSelector(Dataset<Row> facts, Optional<Dataset<Row>> textFacts, Dataset<Row> patientMapping,
                 Dataset<Row> patients, ConceptIndex concepts, ConceptIndex modifiers, Demographics demographics,
                 Dimensions dimensions, SetResolver sets) {
        this.facts = facts;
        this.textFacts = textFacts;
        this.patientMapping = patientMapping;
        this.patients = patients;
        this.concepts = concepts;
        this.modifiers = modifiers;
        this.demographics = demographics;
        this.dimensions = dimensions;
        this.sets = sets;
    }

    FactSelector withSets(SetResolver otherSets) {
        return new FactSelector(facts, textFacts, patientMapping, patients, concepts, modifiers, demographics,
                dimensions, otherSets);
    }

    /** The demographic terms of the snapshot, and the day on which their ages count (asked at each plan). */
    record Demographics(DemographicTerms terms, Supplier<LocalDate> ageAsOf) {
    }

    /**
     * The ontology terms of an i2b2 warehouse that select by a dimension table, and the tables: the patients (every
     * column), the visits (with their patient's {@code birth_date}, for age at visit) and the providers.
     */
    record Dimensions(OntologyTerms terms, Dataset<Row> patients, Dataset<Row> visits, Dataset<Row> providers) {
    }

    /**
     * The facts of any of the items (a panel's OR), {@link #COLUMNS} only. Items that are conditions on the fact table
     * itself share one filtered scan; stored sets, patients and text searches are scanned apart and added. Warnings
     * about items that can match nothing go to {@code warnings}.
     */
    Dataset<Row> selectAny(List<Item> items, String panelPath, List<String> warnings) {
        Column onFacts = null;
        Dataset<Row> selected = null;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String path = panelPath + "/item[" + (i + 1) + "]";
            if (!largeText(item) && item.ages().isEmpty() && (item.key() instanceof ItemKey.ConceptPath c
                    && !DemographicTerms.covers(c.path()) && dimensions.terms().dimensionTerm(c).isEmpty()
                    || item.key() instanceof ItemKey.Encounter)) {
                Column condition = keyCondition(item, path, warnings).and(constraints(item, path));
                onFacts = onFacts == null ? condition : onFacts.or(condition);
            } else {
                selected = union(selected, select(item, path, warnings));
            }
        }
        if (onFacts != null) {
            selected = union(selected, facts.filter(onFacts).select(columns()));
        }
        return selected == null ? facts.select(columns()).limit(0) : selected;
    }

    private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
        return a == null ? b : a.unionByName(b);
    }

    private Dataset<Row> select(Item item, String path, List<String> warnings) {
        Dataset<Row> source = facts;
        if (largeText(item)) {
            if (textFacts.isEmpty()) {
                warnings.add(path + ": this snapshot holds no text facts (written before text search existed); the"
                        + " LARGETEXT constraint matches nothing until a new snapshot is written");
                return facts.select(columns()).limit(0);
            }
            source = textFacts.get();
        }
        ItemKey key = item.key();
        String keyPath = path + "/item_key";
        Dataset<Row> selected;
        Optional<OntologyTerms.Term> term = key instanceof ItemKey.ConceptPath c
                ? dimensions.terms().dimensionTerm(c) : Optional.empty();
        if (term.isPresent()) {
            selected = onDimension(source, item, term.get(), path);
        } else if (key instanceof ItemKey.ConceptPath c && DemographicTerms.covers(c.path())) {
            selected = ofPatients(source, demographic(item, c, path, warnings));
        } else if (key instanceof ItemKey.ConceptPath || key instanceof ItemKey.Encounter) {
            selected = source.filter(keyCondition(item, path, warnings));
        } else if (key instanceof ItemKey.EncounterSet) {
            selected = ofEncounters(source, sets.members(key, keyPath));
        } else if (key instanceof ItemKey.Patient p) {
            selected = ofPatients(source, patient(p, keyPath));
        } else {
            selected = ofPatients(source, sets.members(key, keyPath)); // a previous query or a patient set
        }
        return atAge(selected.filter(constraints(item, path)), item.ages()).select(columns());
    }

    /**
     * The facts on whose start date the patient's age meets every constraint: whole years from the birth date, by
     * calendar months (someone born on 29 February turns a year older on 28 February). Facts of patients without a
     * birth date, or without a start date, have no age and match no age constraint.
     */
    private Dataset<Row> atAge(Dataset<Row> selected, List<AgeAtEvent> ages) {
        if (ages.isEmpty()) {
            return selected;
        }
        Column age = PatientConditions.ageInYears(col("start_date"), col("birth_date"));
        Column in = lit(true);
        for (AgeAtEvent constraint : ages) {
            int years = constraint.years();
            in = in.and(switch (constraint.operator()) {
                case EQ -> age.equalTo(years);
                case NE -> age.notEqual(years);
                case GT -> age.gt(years);
                case LT -> age.lt(years);
                case GE -> age.geq(years);
                case LE -> age.leq(years);
            });
        }
        return selected.join(patients.select("patient_num", "birth_date"), "patient_num").filter(in);
    }

    /**
     * The patients a demographic term or folder selects: those whose {@code patient_dimension} row satisfies it (any
     * term of a folder), ages counted on the as-of day. A path without a term is a warning and selects nobody.
     */
    private Dataset<Row> demographic(Item item, ItemKey.ConceptPath key, String path, List<String> warnings) {
        if (item.modifier().isPresent()) {
            throw new QueryDefinitionException(path + "/constrain_by_modifier", "a demographic term has no"
                    + " modifiers: " + key.path());
        }
        List<PatientColumnTerm> terms = demographics.terms().at(key.path());
        if (terms.isEmpty()) {
            warnings.add(path + ": no demographic term at or below " + key.path() + " in this snapshot; the item"
                    + " matches no facts");
        }
        return patients.filter(PatientConditions.anyOf(terms, demographics.ageAsOf().get())).select("patient_num");
    }

    /**
     * The facts of the patients, visits or providers whose dimension row satisfies an i2b2 ontology term, as i2b2
     * selects them: by {@code patient_num}, by {@code encounter_num}, by {@code provider_id}.
     */
    private Dataset<Row> onDimension(Dataset<Row> source, Item item, OntologyTerms.Term term, String path) {
        if (item.modifier().isPresent()) {
            throw new QueryDefinitionException(path + "/constrain_by_modifier", "a term on " + term.table()
                    + " has no modifiers");
        }
        return switch (term.table()) {
            case "patient_dimension" -> ofPatients(source, dimensions.patients().filter(DimensionConditions.of(term,
                    Set.of(dimensions.patients().columns()), path)).select("patient_num"));
            case "visit_dimension" -> ofEncounters(source, dimensions.visits().filter(DimensionConditions.of(term,
                    Set.of(dimensions.visits().columns()), path)).select("patient_num", "encounter_num"));
            default -> source.join(dimensions.providers().filter(DimensionConditions.of(term,
                    Set.of(dimensions.providers().columns()), path)).select("provider_id").distinct(), "provider_id",
                    "left_semi");
        };
    }

    private static boolean largeText(Item item) {
        return item.values().stream().anyMatch(v -> v.type() == ValueConstraint.ValueType.LARGETEXT)
                || item.modifier().stream().flatMap(m -> m.values().stream())
                        .anyMatch(v -> v.type() == ValueConstraint.ValueType.LARGETEXT);
    }

    /** The item's date windows and value constraints. */
    private static Column constraints(Item item, String path) {
        Column all = lit(true);
        for (DateWindow window : item.dates()) {
            all = all.and(windowCondition(window));
        }
        for (int i = 0; i < item.values().size(); i++) {
            all = all.and(ValueFilters.of(item.values().get(i), path + "/constrain_by_value[" + (i + 1) + "]"));
        }
        return all;
    }

    /** The condition on a fact row of a concept or encounter item. */
    private Column keyCondition(Item item, String path, List<String> warnings) {
        if (item.key() instanceof ItemKey.Encounter e) {
            return col("modifier_cd").equalTo("@").and(col("encounter_num").equalTo(hiveNumber(e.id(),
                    path + "/item_key")));
        }
        ItemKey.ConceptPath concept = (ItemKey.ConceptPath) item.key();
        List<String> codes = concepts.codesUnder(concept.path());
        if (codes.isEmpty()) {
            warnings.add(path + ": no concept at or below " + concept.path() + " in this container's ontology; the"
                    + " item matches no facts");
            return lit(false);
        }
        Column selected = col("concept_cd").isin(codes.toArray());
        if (item.modifier().isEmpty()) {
            // as in i2b2, a plain concept matches its facts whatever their modifier (the demo's diagnoses all carry
            // one); a value constraint reads the fact's own value, never a modifier's
            return item.values().isEmpty() ? selected : selected.and(col("modifier_cd").equalTo("@"));
        }
        ModifierConstraint modifier = item.modifier().get();
        String modifierPath = path + "/constrain_by_modifier";
        ItemKey key = ItemKey.parse(modifier.modifierKey(), modifierPath + "/modifier_key");
        if (!(key instanceof ItemKey.ConceptPath modifierKey)) {
            throw new QueryDefinitionException(modifierPath + "/modifier_key", "'" + modifier.modifierKey()
                    + "' is not \\\\TABLE_CD\\modifier path");
        }
        List<String> modifierCodes = modifiers.codesUnder(modifierKey.path());
        if (modifierCodes.isEmpty()) {
            warnings.add(modifierPath + ": no modifier at or below " + modifierKey.path() + " in this container's"
                    + " ontology; the item matches no facts");
            return lit(false);
        }
        selected = selected.and(col("modifier_cd").isin(modifierCodes.toArray()));
        List<ValueConstraint> values = modifier.values();
        for (int i = 0; i < values.size(); i++) {
            selected = selected.and(ValueFilters.of(values.get(i), modifierPath + "/constrain_by_value[" + (i + 1)
                    + "]"));
        }
        return selected;
    }

    private static Dataset<Row> ofPatients(Dataset<Row> source, Dataset<Row> members) {
        return Grain.PATIENT.filter(source.filter(col("modifier_cd").equalTo("@")), members.select("patient_num"),
                "left_semi");
    }

    private static Dataset<Row> ofEncounters(Dataset<Row> source, Dataset<Row> members) {
        return Grain.VISIT.filter(source.filter(col("modifier_cd").equalTo("@")),
                members.select("patient_num", "encounter_num"), "left_semi");
    }

    /**
     * {@code patient:HIVE:1000000001} names a patient number, {@code patient:1000000001} too; any other source is
     * looked up in {@code patient_mapping}.
     */
    private Dataset<Row> patient(ItemKey.Patient patient, String path) {
        String id = patient.id();
        int colon = id.indexOf(':');
        if (colon < 0 || id.substring(0, colon).equalsIgnoreCase(HIVE)) {
            long number = hiveNumber(id, path);
            return patientMapping.sparkSession().range(1).select(lit(number).as("patient_num"));
        }
        return patientMapping.filter(col("patient_ide_source").equalTo(id.substring(0, colon))
                .and(col("patient_ide").equalTo(id.substring(colon + 1)))).select("patient_num");
    }

    private static long hiveNumber(String id, String path) {
        String number = id.regionMatches(true, 0, HIVE + ":", 0, HIVE.length() + 1) ? id.substring(HIVE.length() + 1)
                : id;
        try {
            return Long.parseLong(number.trim());
        } catch (NumberFormatException e) {
            throw new QueryDefinitionException(path, "'" + id + "' is neither a number nor HIVE:<number>; encounters"
                    + " of other sources are not mapped by this engine");
        }
    }

    static Dataset<Row> within(Dataset<Row> facts, DateWindow window) {
        return window.isOpen() ? facts : facts.filter(windowCondition(window));
    }

    private static Column windowCondition(DateWindow window) {
        Column in = lit(true);
        if (window.from().isPresent()) {
            DateBound from = window.from().get();
            Column date = col(from.onEndDate() ? "end_date" : "start_date");
            Column bound = lit(Timestamp.valueOf(from.value()));
            in = in.and(from.inclusive() ? date.geq(bound) : date.gt(bound));
        }
        if (window.to().isPresent()) {
            DateBound to = window.to().get();
            Column date = col(to.onEndDate() ? "end_date" : "start_date");
            Column bound = lit(Timestamp.valueOf(to.value()));
            in = in.and(to.inclusive() ? date.leq(bound) : date.lt(bound));
        }
        return in;
    }

    private static Column[] columns() {
        return COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}
