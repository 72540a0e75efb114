package org.smartcc.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;

/** Renaming or reordering a query leaves it the same query for the lockout; changing what it asks does not. */
class QueryFingerprintTest {

    private static final String ITEM = "<item><item_name>%s</item_name><item_key>\\\\i2b2\\SMART\\%s\\</item_key>"
            + "</item>";

    @Test
    void namesNumbersOrderAndRepeatsDoNotMakeANewQuery() {
        String meds = ITEM.formatted("Medications", "Medications");
        String problems = ITEM.formatted("Problems", "Problems");
        String labs = ITEM.formatted("Labs", "Lab results");
        String original = fingerprint("<query_name>one</query_name><panel><panel_number>1</panel_number>" + meds
                + problems + "</panel><panel><panel_number>2</panel_number>" + labs + "</panel>");
        assertEquals(original, fingerprint("<query_name>two</query_name><panel><panel_number>7</panel_number>"
                + ITEM.formatted("renamed", "Lab results") + "</panel><panel><panel_number>3</panel_number>"
                + problems + ITEM.formatted("also renamed", "Medications") + meds + "</panel>"));
        assertNotEquals(original, fingerprint("<panel>" + meds + problems + "</panel><panel>"
                + ITEM.formatted("Labs", "Vital signs") + "</panel>"));
        assertNotEquals(original, fingerprint("<panel>" + meds + problems + "</panel><panel><invert>1</invert>" + labs
                + "</panel>"));
    }

    @Test
    void subqueryIdsAndTheirOrderDoNotMakeANewQuery() {
        String medsBeforeProblems = fingerprint(temporal("A", "B", "Medications", "Problems", false));
        assertEquals(medsBeforeProblems, fingerprint(temporal("x", "y", "Medications", "Problems", true)));
        assertNotEquals(medsBeforeProblems, fingerprint(temporal("A", "B", "Problems", "Medications", false)));
    }

    /** Subquery {@code a} (concept {@code ca}) starts before subquery {@code b} (concept {@code cb}). */
    private static String temporal(String a, String b, String ca, String cb, boolean bListedFirst) {
        String sub = "<subquery><query_id>%s</query_id><panel>" + ITEM + "</panel></subquery>";
        String subA = sub.formatted(a, a, ca);
        String subB = sub.formatted(b, b, cb);
        return "<subquery_constraint><first_query><query_id>" + a + "</query_id></first_query><operator>LESS"
                + "</operator><second_query><query_id>" + b + "</query_id></second_query></subquery_constraint>"
                + (bListedFirst ? subB + subA : subA + subB);
    }

    private static String fingerprint(String body) {
        QueryDefinition q = I2b2QueryParser.parse(new ByteArrayInputStream(("<query_definition>" + body
                + "</query_definition>").getBytes(StandardCharsets.UTF_8)));
        return QueryFingerprint.of(q);
    }
}
