package org.smartcc.api.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.ConceptTree;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.run.ResultType;

/** What the i2b2 cells decide without a server: bodies, origins, roles and result types. */
class I2b2CellsTest {

    private static final String XML = "<i2b2:request><message_header/><q>a+b &amp; 100%</q></i2b2:request>";

    @Test
    void xmlPostedAsAFormStaysAsItIsAndUrlEncodedXmlIsDecoded() {
        byte[] raw = XML.getBytes(StandardCharsets.UTF_8);
        String form = "application/x-www-form-urlencoded; charset=UTF-8";
        // jQuery posts the XML string unencoded under the form type: '+' and '%' must stay
        assertEquals(XML, new String(I2b2Inbox.xmlOf(raw, form), StandardCharsets.UTF_8));
        assertEquals(XML, new String(I2b2Inbox.xmlOf(raw, "application/xml"), StandardCharsets.UTF_8));
        byte[] encoded = URLEncoder.encode(XML, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        assertEquals(XML, new String(I2b2Inbox.xmlOf(encoded, form), StandardCharsets.UTF_8));
    }

    @Test
    void theCellsAllowTheirListedOriginsWithAnyPortWhereListedSo() {
        Set<String> listed = CorsFilter.origins("http://localhost:*, https://i2b2.example.org");
        assertTrue(CorsFilter.allows(listed, "http://localhost:8000"));
        assertTrue(CorsFilter.allows(listed, "https://i2b2.example.org"));
        assertFalse(CorsFilter.allows(listed, "https://i2b2.example.org:8443"));
        assertFalse(CorsFilter.allows(listed, "http://localhost.evil.org:80"));
        assertFalse(CorsFilter.allows(listed, "https://localhost:8000"), "the scheme counts");
        assertFalse(CorsFilter.allows(CorsFilter.origins(""), "http://localhost:8000"), "unset: none");
        assertTrue(I2b2Cells.isCellPath("/i2b2/services/PMService/getServices"));
        assertFalse(I2b2Cells.isCellPath("cohort/runs"));
    }

    @Test
    void rolesInI2b2sTermsFollowTheCountsTheContainerShows() {
        I2b2PmResource pm = new I2b2PmResource();
        pm.privacy = PrivacySettings.from(Map.of());
        assertEquals(List.of("USER", "DATA_OBFSC"), pm.roles(Set.of()));
        assertEquals(List.of("USER", "DATA_OBFSC"), pm.roles(Set.of("DATA_LDS")), "protected counts: obfuscated");
        assertEquals(List.of("USER", "DATA_OBFSC", "DATA_AGG"), pm.roles(Set.of("DATA_AGG")));
        assertEquals(List.of("USER", "DATA_OBFSC", "DATA_AGG", "DATA_LDS"), pm.roles(Set.of("DATA_AGG", "DATA_LDS")));
        pm.privacy = PrivacySettings.from(Map.of("smartcc.privacy.exact-roles", "DATA_PROT"));
        assertEquals(I2b2PmResource.DATA_ROLES, pm.roles(Set.of("DATA_PROT")).subList(1, 6));
    }

    @Test
    void everyResultTypeHasItsI2b2RowWithItsOwnId() {
        for (ResultType type : ResultType.values()) {
            assertNotNull(I2b2ResultTypes.of(type), type.name());
            assertEquals(type.isBreakdown() || type == ResultType.PATIENT_COUNT_XML ? "CATNUM" : "LIST",
                    I2b2ResultTypes.of(type).displayType(), type.name());
        }
        assertEquals(ResultType.values().length, Arrays.stream(ResultType.values())
                .mapToInt(t -> I2b2ResultTypes.of(t).id()).distinct().count());
    }

    /** On an i2b2 warehouse a key carries its category's table code, so the engine reads the term's ontology row. */
    @Test
    void aKeyCarriesTheTableCodeOfTheLongestCategoryItLiesIn() {
        List<ConceptTree.Category> categories = List.of(
                new ConceptTree.Category("i2b2_DIAG", "\\i2b2\\Diagnoses\\", "Diagnoses", null),
                new ConceptTree.Category("i2b2_CIRC", "\\i2b2\\Diagnoses\\Circulatory system\\", "Circ", null),
                new ConceptTree.Category("i2b2_VISIT", "\\i2b2\\Visit Details\\", "Visit Details", null));
        assertEquals("i2b2_DIAG", I2b2Concepts.tableCode("\\i2b2\\Diagnoses\\Neoplasms\\", categories));
        assertEquals("i2b2_CIRC", I2b2Concepts.tableCode("\\i2b2\\Diagnoses\\Circulatory system\\(401) Hy\\",
                categories));
        assertEquals("i2b2_VISIT", I2b2Concepts.tableCode("\\i2b2\\Visit Details\\", categories));
        assertEquals("i2b2", I2b2Concepts.tableCode("\\i2b2\\Diagnoses Other\\", categories));
        assertEquals("i2b2", I2b2Concepts.tableCode("\\SMART\\Medications\\", List.of()));
    }
}
