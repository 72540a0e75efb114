package org.smartcc.engine.query.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.smartcc.engine.query.DateBound;
import org.smartcc.engine.query.DateWindow;
import org.smartcc.engine.query.Item;
import org.smartcc.engine.query.ItemKey;
import org.smartcc.engine.query.ModifierConstraint;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.ValueConstraint;

/**
 * The facts an item selects. A concept item filters on the sorted literal list of codes below its path (see
 * {@link ConceptIndex}); with a modifier constraint it selects the modifier rows of those concepts instead of the
 * facts themselves. A stored set, a patient or an encounter selects every fact of its members. Date windows and value
 * constraints then filter; LARGETEXT constraints read the text facts, which the snapshot keeps apart from the rest.
 */
final class FactSelector {

    /** The columns of a selected fact: the patient, the fact key as i2b2 counts it, and the end date. */
    static final List<String> COLUMNS = List.of("patient_num", "encounter_num", "instance_num", "concept_cd",
            "start_date", "provider_id", "end_date");

    private static final String HIVE = "HIVE";

    private final Dataset<Row> facts;
    private final Optional<Dataset<Row>> textFacts;
    private final Dataset<Row> patientMapping;
    private final ConceptIndex concepts;
    private final ConceptIndex modifiers;
    private final SetResolver sets;

    FactSelector(Dataset<Row> facts, Optional<Dataset<Row>> textFacts, Dataset<Row> patientMapping,
                 ConceptIndex concepts, ConceptIndex modifiers, SetResolver sets) {
        this.facts = facts;
        this.textFacts = textFacts;
        this.patientMapping = patientMapping;
        this.concepts = concepts;
        this.modifiers = modifiers;
        this.sets = sets;
    }

    FactSelector withSets(SetResolver otherSets) {
        return new FactSelector(facts, textFacts, patientMapping, concepts, modifiers, otherSets);
    }

    /** The item's facts, {@link #COLUMNS} only; warnings about items that can match nothing go to {@code warnings}. */
    Dataset<Row> select(Item item, String path, List<String> warnings) {
        boolean largeText = item.values().stream().anyMatch(v -> v.type() == ValueConstraint.ValueType.LARGETEXT)
                || item.modifier().stream().flatMap(m -> m.values().stream())
                        .anyMatch(v -> v.type() == ValueConstraint.ValueType.LARGETEXT);
        Dataset<Row> source = facts;
        if (largeText) {
            if (textFacts.isEmpty()) {
                warnings.add(path + ": this snapshot holds no text facts (written before text search existed); the"
                        + " LARGETEXT constraint matches nothing until a new snapshot is written");
                return facts.select(columns()).limit(0);
            }
            source = textFacts.get();
        }
        Dataset<Row> selected = keyFacts(source, item, path, warnings);
        for (DateWindow window : item.dates()) {
            selected = within(selected, window);
        }
        for (int i = 0; i < item.values().size(); i++) {
            selected = selected.filter(ValueFilters.of(item.values().get(i), path + "/constrain_by_value[" + (i + 1)
                    + "]"));
        }
        return selected.select(columns());
    }

    private Dataset<Row> keyFacts(Dataset<Row> source, Item item, String path, List<String> warnings) {
        ItemKey key = item.key();
        String keyPath = path + "/item_key";
        if (key instanceof ItemKey.ConceptPath concept) {
            return conceptFacts(source, concept, item.modifier(), path, warnings);
        } else if (key instanceof ItemKey.EncounterSet) {
            return ofEncounters(source, sets.members(key, keyPath));
        } else if (key instanceof ItemKey.Patient p) {
            return ofPatients(source, patient(p, keyPath));
        } else if (key instanceof ItemKey.Encounter e) {
            return source.filter(col("modifier_cd").equalTo("@")
                    .and(col("encounter_num").equalTo(hiveNumber(e.id(), keyPath))));
        }
        return ofPatients(source, sets.members(key, keyPath)); // a previous query or a patient set
    }

    private Dataset<Row> conceptFacts(Dataset<Row> source, ItemKey.ConceptPath concept,
                                      Optional<ModifierConstraint> modifier, String path, List<String> warnings) {
        List<String> codes = concepts.codesUnder(concept.path());
        if (codes.isEmpty()) {
            warnings.add(path + ": no concept at or below " + concept.path() + " in this container's ontology; the"
                    + " item matches no facts");
            return source.filter(lit(false));
        }
        Dataset<Row> selected = source.filter(col("concept_cd").isin(codes.toArray()));
        if (modifier.isEmpty()) {
            return selected.filter(col("modifier_cd").equalTo("@"));
        }
        String modifierPath = path + "/constrain_by_modifier";
        ItemKey key = ItemKey.parse(modifier.get().modifierKey(), modifierPath + "/modifier_key");
        if (!(key instanceof ItemKey.ConceptPath modifierKey)) {
            throw new QueryDefinitionException(modifierPath + "/modifier_key", "'" + modifier.get().modifierKey()
                    + "' is not \\\\TABLE_CD\\modifier path");
        }
        List<String> modifierCodes = modifiers.codesUnder(modifierKey.path());
        if (modifierCodes.isEmpty()) {
            warnings.add(modifierPath + ": no modifier at or below " + modifierKey.path() + " in this container's"
                    + " ontology; the item matches no facts");
            return source.filter(lit(false));
        }
        selected = selected.filter(col("modifier_cd").isin(modifierCodes.toArray()));
        List<ValueConstraint> values = modifier.get().values();
        for (int i = 0; i < values.size(); i++) {
            selected = selected.filter(ValueFilters.of(values.get(i), modifierPath + "/constrain_by_value[" + (i + 1)
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
        Dataset<Row> out = facts;
        if (window.from().isPresent()) {
            DateBound from = window.from().get();
            Column date = col(from.onEndDate() ? "end_date" : "start_date");
            Column bound = lit(Timestamp.valueOf(from.value()));
            out = out.filter(from.inclusive() ? date.geq(bound) : date.gt(bound));
        }
        if (window.to().isPresent()) {
            DateBound to = window.to().get();
            Column date = col(to.onEndDate() ? "end_date" : "start_date");
            Column bound = lit(Timestamp.valueOf(to.value()));
            out = out.filter(to.inclusive() ? date.leq(bound) : date.lt(bound));
        }
        return out;
    }

    private static Column[] columns() {
        return COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}
