package org.smartcc.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.records.RdfFormat;
import org.smartcc.records.application.RecordResponse;
import org.smartcc.records.domain.ErrorCode;
import org.smartcc.records.domain.RecordsException;
import org.smartcc.store.Vocab;
import org.smartcc.store.domain.ErrorKind;

/**
 * Filters, paging, summary, neighbours, 404s and formats, on sample patients whose figures were read off the files:
 * record 1081332 has 7 medications started 2004-07-13, 2005-01-04 (RxNorm 617993, 2 fulfillments), 2005-01-18,
 * 2005-01-28, 2005-03-11, 2007-06-06, 2007-08-28 and 7 fulfillments; record 99912345 has 51 vital sign sets, 36 at
 * ambulatory and 15 at inpatient encounters; record 1032702 has one allergy exclusion and no allergy.
 */
class RecordReaderTest {

    static final String MEDS = "/records/1081332/medications/";

    @TempDir
    static Path dir;
    static TestStore store;

    @BeforeAll
    static void load() throws Exception {
        store = TestStore.load(dir);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    // --- §2.3 filters -------------------------------------------------------------------------------------------

    @Test
    void dateFromAndDateFromIncludingAreOnOrAfterTheDay() {
        assertEquals(5, count(MEDS, Map.of("date_from", "2005-01-18")));
        assertEquals(5, count(MEDS, Map.of("date_from_including", "2005-01-18")));
    }

    @Test
    void dateFromExcludingIsStrictlyAfterTheDay() {
        assertEquals(4, count(MEDS, Map.of("date_from_excluding", "2005-01-18")));
    }

    @Test
    void dateToAndDateToIncludingAreOnOrBeforeTheDay() {
        assertEquals(3, count(MEDS, Map.of("date_to", "2005-01-18")));
        assertEquals(3, count(MEDS, Map.of("date_to_including", "2005-01-18")));
    }

    @Test
    void dateToExcludingIsStrictlyBeforeTheDay() {
        assertEquals(2, count(MEDS, Map.of("date_to_excluding", "2005-01-18")));
    }

    @Test
    void partialDatesArePaddedToTheFirstOrLastInstantAsTheComparisonNeeds() {
        assertEquals(6, count(MEDS, Map.of("date_from", "2005")), "from 2005-01-01T00:00:00Z");
        assertEquals(5, count(MEDS, Map.of("date_to", "2005")), "to 2005-12-31T23:59:59Z");
        assertEquals(3, count(MEDS, Map.of("date_from_excluding", "2005-01")), "after 2005-01-31T23:59:59Z");
    }

    @Test
    void barSeparatesAlternativesOfOneParameter() {
        assertEquals(2, count(MEDS, Map.of("rxnorm", "617993|308189")));
        assertEquals(3, count(MEDS, Map.of("date_to_excluding", "2004-08|2005-01-19")), "either bound suffices");
    }

    @Test
    void differentParametersMustAllHold() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("rxnorm", "617993|308189");
        q.put("date_from", "2005");
        assertEquals(1, count(MEDS, q));
    }

    @Test
    void unknownParametersAreIgnored() {
        assertEquals(7, count(MEDS, Map.of("foo", "bar", "snomed", "123")));
    }

    @Test
    void codeFilterKeepsTheMedicationAndItsFulfillments() {
        Model m = get(MEDS, Map.of("rxnorm", "617993")).model();
        assertEquals(1, typed(m, "Medication"));
        assertEquals(2, typed(m, "Fulfillment"));
    }

    @Test
    void encounterTypeFilterFollowsTheLinkToTheEncounter() {
        String path = "/records/99912345/vital_sign_sets/";
        assertEquals(15, count(path, Map.of("encounter_type", "inpatient")));
        assertEquals(51, count(path, Map.of("encounter_type", "ambulatory|inpatient")));
        assertTrue(get(path, Map.of("encounter_type", "home")).model().isEmpty(), "empty result, no summary");
    }

    @Test
    void malformedValuesAreTypedErrorsNamingTheParameter() {
        assertError(ErrorCode.BAD_FILTER, "date_from", Map.of("date_from", "2005-13"));
        assertError(ErrorCode.BAD_FILTER, "date_to", Map.of("date_to", "yesterday"));
        assertError(ErrorCode.BAD_FILTER, "rxnorm", Map.of("rxnorm", "61>7"));
        assertError(ErrorCode.BAD_PAGING, "limit", Map.of("limit", "abc"));
        assertError(ErrorCode.BAD_PAGING, "offset", Map.of("limit", "2", "offset", "-1"));
        assertError(ErrorCode.BAD_PAGING, "limit", Map.of("limit", "0"));
    }

    // --- paging and §2.4 summary ---------------------------------------------------------------------------------

    @Test
    void summaryWithoutPagingHasCountsButNoOrderOrNextPage() {
        Resource rs = summary(get(MEDS, Map.of()).model());
        assertEquals(7, rs.getProperty(api("totalResultCount")).getInt());
        assertEquals(7, rs.getProperty(api("resultsReturned")).getInt());
        assertTrue(rs.hasProperty(api("processingTimeMs")));
        assertFalse(rs.hasProperty(api("resultOrder")));
        assertFalse(rs.hasProperty(api("nextPageURL")));
    }

    @Test
    void firstPageIsNewestFirstWithOrderAndNextPage() {
        Model m = get(MEDS, Map.of("limit", "3")).model();
        Resource rs = summary(m);
        assertEquals(7, rs.getProperty(api("totalResultCount")).getInt());
        assertEquals(3, rs.getProperty(api("resultsReturned")).getInt());
        assertEquals("http://localhost:8080/records/1081332/medications/?limit=3&offset=3",
                rs.getProperty(api("nextPageURL")).getString());
        RDFList order = rs.getPropertyResourceValue(api("resultOrder")).as(RDFList.class);
        List<String> dates = order.asJavaList().stream()
                .map(n -> n.asResource().getProperty(Vocab.spProperty("startDate")).getString()).toList();
        assertEquals(List.of("2007-08-28", "2007-06-06", "2005-03-11"), dates);
        assertEquals(3, typed(m, "Medication"));
    }

    @Test
    void lastPageHasNoNextPage() {
        Resource rs = summary(get(MEDS, Map.of("limit", "3", "offset", "6")).model());
        assertEquals(1, rs.getProperty(api("resultsReturned")).getInt());
        assertFalse(rs.hasProperty(api("nextPageURL")));
        RDFList order = rs.getPropertyResourceValue(api("resultOrder")).as(RDFList.class);
        assertEquals(1, order.size());
    }

    @Test
    void pageBeyondTheEndIsAnEmptyDocument() {
        assertTrue(get(MEDS, Map.of("limit", "3", "offset", "70")).model().isEmpty());
    }

    @Test
    void offsetWithoutLimitReturnsEverything() {
        assertEquals(7, count(MEDS, Map.of("offset", "3")));
    }

    // --- §2.5 graph shape ----------------------------------------------------------------------------------------

    @Test
    void collectionsBringTheirOneHopNeighbours() {
        Model meds = get(MEDS, Map.of()).model();
        assertEquals(7, typed(meds, "Fulfillment"));
        Model vitals = get("/records/99912345/vital_sign_sets/", Map.of()).model();
        assertTrue(typed(vitals, "Encounter") > 0);
        assertEquals(51, typed(vitals, "VitalSignSet"));
    }

    @Test
    void allergiesIncludeExclusions() {
        Model m = get("/records/1032702/allergies/", Map.of()).model();
        assertEquals(1, typed(m, "AllergyExclusion"));
        assertEquals(1, summary(m).getProperty(api("totalResultCount")).getInt());
    }

    @Test
    void statementsAreServedUnderTheApiBaseAndBelongToTheRecord() {
        Model m = get(MEDS, Map.of()).model();
        Resource record = m.createResource("http://localhost:8080/records/1081332");
        for (Resource med : m.listSubjectsWithProperty(RDF.type, Vocab.sp("Medication")).toList()) {
            assertTrue(med.getURI().startsWith("http://localhost:8080/records/1081332/medications/"), med.getURI());
            assertTrue(med.hasProperty(Vocab.BELONGS_TO, record));
        }
        assertFalse(new String(get(MEDS, Map.of()).body(RdfFormat.RDF_XML), StandardCharsets.UTF_8).contains("urn:smartcc"));
    }

    @Test
    void singleItemAndSingletons() {
        Model meds = get(MEDS, Map.of()).model();
        String uri = meds.listSubjectsWithProperty(RDF.type, Vocab.sp("Medication")).next().getURI();
        Model one = get(uri.substring("http://localhost:8080".length()), Map.of()).model();
        assertEquals(1, typed(one, "Medication"));
        assertEquals(1, typed(get("/records/1081332/demographics", Map.of()).model(), "Demographics"));
        assertEquals(1, typed(get("/records/1081332/social_history", Map.of()).model(), "SocialHistory"));
    }

    @Test
    void documentsCarryServerComputedFileMetadataAndRawFiles() throws Exception {
        Model docs = get("/records/99912345/documents/", Map.of()).model();
        assertEquals(3, typed(docs, "Document"));
        assertEquals(3, docs.listSubjectsWithProperty(RDF.type, Vocab.sp("Hash")).toList().size());
        RecordResponse photo = get("/records/99912345/photograph", Map.of());
        assertFalse(photo.isRdf());
        assertEquals("image/jpeg", photo.contentType(RdfFormat.RDF_XML));
        assertArrayEquals(Files.readAllBytes(TestStore.documents().resolve("99912345/photo831.jpg")),
                photo.body(RdfFormat.RDF_XML));
        Model combined = get("/records/99912345/documents/", Map.of("format", "combined")).model();
        assertEquals(3, combined.listSubjectsWithProperty(RDF.type, Vocab.sp("Content")).toList().size());
    }

    // --- 404 -----------------------------------------------------------------------------------------------------

    @Test
    void unknownRecordIsRecordNotFound() {
        RecordsException e = assertThrows(RecordsException.class, () -> get("/records/nope/medications/", Map.of()));
        assertEquals(ErrorCode.RECORD_NOT_FOUND.name(), e.code());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }

    @Test
    void unknownItemIsNotFound() {
        RecordsException e = assertThrows(RecordsException.class,
                () -> get(MEDS + "00000000-0000-0000-0000-000000000000", Map.of()));
        assertEquals(ErrorCode.NOT_FOUND.name(), e.code());
        assertEquals(ErrorCode.NOT_FOUND.name(), assertThrows(RecordsException.class,
                () -> get("/records/1081332/photograph", Map.of())).code());
    }

    @Test
    void recordWithoutSocialHistoryAnswersAnEmptyDocument() {
        assertTrue(get("/records/7777701/social_history", Map.of()).model().isEmpty());
    }

    // --- serialisations ------------------------------------------------------------------------------------------

    @Test
    void everyFormatParsesBackToTheSameGraphAndRdfXmlIsStable() {
        RecordResponse r = get(MEDS, Map.of("limit", "4"));
        byte[] xml = r.body(RdfFormat.RDF_XML);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("xmlns:sp=\"http://smartplatforms.org/terms#\""), text);
        assertTrue(text.contains("xmlns:dcterms=\"http://purl.org/dc/terms/\""));
        assertEquals("application/rdf+xml", r.contentType(RdfFormat.RDF_XML));
        for (RdfFormat f : RdfFormat.values()) {
            Model back = parse(r.body(f), f == RdfFormat.RDF_XML ? Lang.RDFXML : f == RdfFormat.TURTLE ? Lang.TURTLE : Lang.JSONLD);
            assertTrue(back.isIsomorphicWith(r.model()), f + " round trip");
        }
        assertEquals(withoutTiming(text), withoutTiming(new String(get(MEDS, Map.of("limit", "4"))
                .body(RdfFormat.RDF_XML), StandardCharsets.UTF_8)), "same request, same document");
    }

    @Test
    void jsonLdUsesTheSmartContextOfTheClassicJsClient() {
        String json = new String(get(MEDS, Map.of("limit", "4")).body(RdfFormat.JSON_LD), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"@context\""), json);
        assertTrue(json.contains("\"drugName\""), "SMART terms are bare: " + json);
        assertTrue(json.contains("\"dcterms__title\""), "other terms are prefix__local: " + json);
    }

    /** The processing time is the one part of a response that may differ between two equal requests. */
    private static String withoutTiming(String rdfXml) {
        return rdfXml.replaceAll("(<api:processingTimeMs[^>]*>)\\d+", "$1");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static RecordResponse get(String path, Map<String, String> query) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        query.forEach((k, v) -> q.put(k, List.of(v)));
        return store.get(path, q);
    }

    private static int count(String path, Map<String, String> query) {
        Model m = get(path, query).model();
        return m.isEmpty() ? 0 : summary(m).getProperty(api("totalResultCount")).getInt();
    }

    private static int typed(Model m, String type) {
        return m.listSubjectsWithProperty(RDF.type, Vocab.sp(type)).toList().size();
    }

    private static Resource summary(Model m) {
        return m.listSubjectsWithProperty(RDF.type, m.createResource(Vocab.API + "ResponseSummary")).next();
    }

    private static org.apache.jena.rdf.model.Property api(String local) {
        return org.apache.jena.rdf.model.ResourceFactory.createProperty(Vocab.API, local);
    }

    private static void assertError(ErrorCode code, String parameter, Map<String, String> query) {
        RecordsException e = assertThrows(RecordsException.class, () -> get(MEDS, query));
        assertEquals(code.name(), e.code());
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
    }

    private static Model parse(byte[] body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(m);
        return m;
    }
}
