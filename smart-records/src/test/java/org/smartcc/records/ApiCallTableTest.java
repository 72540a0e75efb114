package org.smartcc.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.records.domain.CallCategory;
import org.smartcc.records.domain.CallMatch;
import org.smartcc.records.domain.Cardinality;
import org.smartcc.records.domain.FilterDefinition;
import org.smartcc.records.internal.OntologyApiCalls;
import org.smartcc.store.SmartOntology;
import org.smartcc.store.Vocab;

/** The call table read from the ontology: paths, trailing slashes, variables, filters, sorts and the §11 fixes. */
class ApiCallTableTest {

    static final ApiCallTable TABLE = OntologyApiCalls.table(SmartOntology.shared());

    @Test
    void readsEveryCallOfTheOntology() {
        assertEquals(47, TABLE.calls().size(), "the 47 calls of api-calls.json");
    }

    @Test
    void matchesCollectionsItemsAndSingletonsWithExactTrailingSlashes() {
        assertEquals("get_medications", name("GET", "/records/123/medications/"));
        assertTrue(TABLE.match("GET", "/records/123/medications").isEmpty(), "a collection ends with '/'");
        CallMatch item = TABLE.match("GET", "/records/123/medications/abc").orElseThrow();
        assertEquals("get_medication", item.call().name());
        assertEquals(Map.of("record_id", "123", "medication_id", "abc"), item.variables());
        assertEquals("abc", item.itemId().orElseThrow());
        assertEquals("get_demographics", name("GET", "/records/123/demographics"));
        assertTrue(TABLE.match("GET", "/records/123/demographics/").isEmpty(), "a singleton has no '/'");
        assertEquals("get_photograph", name("GET", "/records/123/photograph"));
        assertEquals("get_imaging_study", name("GET", "/records/123/imaging_studies/x"));
        assertEquals("get_medical_images", name("GET", "/records/123/medical_images/"));
    }

    @Test
    void labPanelItemUsesTheCorrectedPath() {
        assertEquals("get_lab_panels", name("GET", "/records/1/lab_panels/"));
        assertEquals("get_lab_panel", name("GET", "/records/1/lab_panels/p1"));
    }

    @Test
    void documentsSortOnDctermsDate() {
        assertEquals(Vocab.DCTERMS + "date", TABLE.byName("get_documents").orElseThrow().defaultSort());
        assertEquals(Vocab.SP + "startDate", TABLE.byName("get_medications").orElseThrow().defaultSort());
    }

    @Test
    void classifiesNonRecordCallsForTheWebLayer() {
        assertEquals(CallCategory.CONTAINER, TABLE.match("GET", "/manifest").orElseThrow().call().category());
        assertEquals(CallCategory.CONTAINER, TABLE.match("GET", "/ontology").orElseThrow().call().category());
        assertEquals("search_users", name("GET", "/users/search"));
        assertEquals("get_user", name("GET", "/users/joe%40example.org"));
        assertEquals("joe@example.org", TABLE.match("GET", "/users/joe%40example.org").orElseThrow().variables().get("user_id"));
        CallMatch prefs = TABLE.match("PUT", "/users/u/apps/a@apps/preferences").orElseThrow();
        assertEquals(CallCategory.USER, prefs.call().category());
        assertEquals(CallCategory.RECORD, TABLE.match("DELETE", "/records/1/apps/a/scratchpad").orElseThrow().call().category());
        assertEquals("get_app_manifest", name("GET", "/apps/med-list@apps.smartplatforms.org/manifest"));
    }

    @Test
    void methodsOfAPathTellNotFoundFromMethodNotAllowed() {
        assertEquals(Set.of("GET", "POST"), TABLE.allowedMethods("/records/1/clinical_notes/"));
        assertEquals("post_clinical_note", name("POST", "/records/1/clinical_notes/"));
        assertEquals(Set.of("GET"), TABLE.allowedMethods("/records/1/medications/"));
        assertEquals(Set.of(), TABLE.allowedMethods("/records/1/nothing/"));
    }

    @Test
    void filtersComeFromTheOntologyTemplates() {
        ApiCall vitals = TABLE.byName("get_vital_sign_sets").orElseThrow();
        assertEquals(Cardinality.MULTIPLE, vitals.cardinality());
        FilterDefinition type = vitals.filter("encounter_type").orElseThrow();
        assertEquals(java.util.List.of(Vocab.SP + "encounter", Vocab.SP + "encounterType", Vocab.SP + "code"),
                type.propertyPath());
        assertEquals(Vocab.SPCODE + "EncounterType#inpatient", type.codeUri("inpatient"));
        FilterDefinition from = vitals.filter("date_from").orElseThrow();
        assertTrue(from.isDateFilter());
        assertEquals(java.util.List.of(Vocab.DCTERMS + "date"), from.propertyPath());
        assertEquals("http://purl.bioontology.org/ontology/LNC/2345-7",
                TABLE.byName("get_lab_results").orElseThrow().filter("loinc").orElseThrow().codeUri("2345-7"));
    }

    private static String name(String method, String path) {
        return TABLE.match(method, path).orElseThrow(() -> new AssertionError(method + " " + path)).call().name();
    }
}
