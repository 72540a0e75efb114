package org.smartcc.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;

/**
 * The i2b2 team's own cohort requests all parse (those named {@code [Error]} may be refused, with a
 * {@link QueryDefinitionException}); broken definitions get an error naming the element.
 */
class I2b2QueryParserTest {

    static Path testFiles() {
        return Path.of(System.getProperty("smartcc.shared.dir", "../../shared"), "cohort-data", "i2b2-crc-testfiles");
    }

    @Test
    void everyRunQueryInstanceRequestOfTheI2b2TestFilesParses() throws Exception {
        List<Path> requests;
        try (Stream<Path> files = Files.walk(testFiles())) {
            requests = files.filter(p -> p.toString().endsWith(".xml")).filter(I2b2QueryParserTest::isCohortQuery)
                    .sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int panels = 0;
        for (Path file : requests) {
            try (InputStream in = Files.newInputStream(file)) {
                QueryDefinition q = I2b2QueryParser.parse(in);
                panels += q.panels().size() + q.subqueries().stream().mapToInt(s -> s.panels().size()).sum();
            } catch (QueryDefinitionException e) {
                if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).contains("[error]")) {
                    failures.add(testFiles().relativize(file) + ": " + e.getMessage());
                }
            }
        }
        System.out.printf("%d cohort requests parsed, %d panels%n", requests.size() - failures.size(), panels);
        assertEquals(202, requests.size());
        assertEquals(List.of(), failures);
    }

    private static boolean isCohortQuery(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains("CRC_QRY_runQueryInstance_fromQueryDefinition");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void readsPanelsItemsAndConstraints() {
        QueryDefinition q = parse("""
                <query_definition><query_name>q</query_name><query_timing>SAMEVISIT</query_timing>
                  <panel><panel_number>1</panel_number><panel_timing>SAMEVISIT</panel_timing><invert>1</invert>
                    <total_item_occurrences operator="GT">2</total_item_occurrences>
                    <panel_date_from time="end_date" inclusive="no">2001-02-03T00:00:00Z</panel_date_from>
                    <item><item_key>\\\\i2b2_LABS\\i2b2\\Labs\\CPK\\</item_key>
                      <constrain_by_value><value_operator>BETWEEN</value_operator>
                        <value_constraint>52 and 250</value_constraint><value_type>NUMBER</value_type>
                      </constrain_by_value></item>
                    <item><item_key>masterid:227</item_key></item>
                  </panel></query_definition>""");
        assertEquals(Timing.SAMEVISIT, q.timing());
        Panel p = q.panels().get(0);
        assertTrue(p.invert());
        assertEquals(Comparison.GT, p.occurrenceOperator());
        assertEquals(2, p.occurrences());
        assertTrue(p.dates().from().orElseThrow().onEndDate());
        assertEquals(new ItemKey.ConceptPath("i2b2_LABS", "\\i2b2\\Labs\\CPK\\"), p.items().get(0).key());
        assertEquals(ValueOperator.BETWEEN, p.items().get(0).values().get(0).operator());
        assertInstanceOf(ItemKey.PreviousQuery.class, p.items().get(1).key());
    }

    /** As i2b2's CRC: a value constraint without an operator constrains nothing, on the item and on its modifier. */
    @Test
    void aValueConstraintWithoutOperatorIsLeftOut() {
        QueryDefinition q = parse("""
                <query_definition><panel><item><item_key>\\\\i2b2_MEDS\\i2b2\\Medications\\</item_key>
                  <constrain_by_value><value_constraint>500</value_constraint><value_type>NUMBER</value_type>
                  </constrain_by_value>
                  <constrain_by_value><value_operator/><value_constraint>H</value_constraint><value_type>FLAG</value_type>
                  </constrain_by_value>
                  <constrain_by_modifier><modifier_key>\\\\i2b2_MEDS\\Medication\\Dose\\</modifier_key>
                    <constrain_by_value><value_constraint>500</value_constraint><value_type>NUMBER</value_type>
                    </constrain_by_value>
                    <constrain_by_value><value_operator>GT</value_operator><value_constraint>250</value_constraint>
                      <value_type>NUMBER</value_type></constrain_by_value></constrain_by_modifier>
                </item></panel></query_definition>""");
        Item item = q.panels().get(0).items().get(0);
        assertEquals(List.of(), item.values());
        assertEquals(List.of(ValueOperator.GT), item.modifier().orElseThrow().values().stream()
                .map(ValueConstraint::operator).toList());
    }

    @Test
    void invalidDefinitionsNameTheElementAndTheProblem() {
        assertError("query_definition/panel[1]/panel_timing", "<query_definition><panel><panel_timing>SOMETIMES"
                + "</panel_timing><item><item_key>masterid:1</item_key></item></panel></query_definition>");
        assertError("query_definition", "<query_definition><query_name>none</query_name></query_definition>");
        assertError("query_definition/panel[1]/item[1]/constrain_by_value[1]/value_operator",
                "<query_definition><panel><item><item_key>\\\\T\\a\\</item_key><constrain_by_value>"
                        + "<value_type>TEXT</value_type><value_operator>BETWEEN</value_operator>"
                        + "<value_constraint>a and b</value_constraint></constrain_by_value></item></panel>"
                        + "</query_definition>");
        assertError("query_definition/panel[1]/item[1]/constrain_by_value[1]/value_constraint",
                "<query_definition><panel><item><item_key>\\\\T\\a\\</item_key><constrain_by_value>"
                        + "<value_type>NUMBER</value_type><value_operator>GT</value_operator>"
                        + "<value_constraint>five</value_constraint></constrain_by_value></item></panel></query_definition>");
        assertError("query_definition/panel[1]/item[1]/item_icon", "<query_definition><panel><item><item_key>\\\\T\\a\\"
                + "</item_key><item_icon>CA</item_icon></item></panel></query_definition>");
        assertError("query_definition/panel[1]/total_item_occurrences", "<query_definition><panel>"
                + "<total_item_occurrences>many</total_item_occurrences><item><item_key>masterid:1</item_key></item>"
                + "</panel></query_definition>");
        assertError("query_definition/panel[1]/item[1]/constrain_by_age_at_event[2]/years", "<query_definition><panel>"
                + "<item><item_key>\\\\T\\a\\</item_key><constrain_by_age_at_event><operator>GE</operator><years>18"
                + "</years></constrain_by_age_at_event><constrain_by_age_at_event><operator>LT</operator><years>200"
                + "</years></constrain_by_age_at_event></item></panel></query_definition>");
        assertError("query_definition/panel[1]/item[1]/constrain_by_age_at_event[1]/operator", "<query_definition>"
                + "<panel><item><item_key>\\\\T\\a\\</item_key><constrain_by_age_at_event><operator>BEFORE</operator>"
                + "<years>18</years></constrain_by_age_at_event></item></panel></query_definition>");
        assertError("query_definition/subquery_constraint[1]/span/units", temporalSpan("<operator>GREATER</operator>"
                + "<span_value>1</span_value><units>DAY, 0, a)) --</units>"));
        assertError("query_definition/subquery_constraint[1]/span/span_value", temporalSpan("<operator>GREATER"
                + "</operator><span_value>-1</span_value><units>DAY</units>"));
        assertError("query_definition/subquery_constraint[1]/span", temporalSpan("<operator>GREATER</operator>"
                + "<span_value>1</span_value><units>DAY</units>").replace("<join_column>STARTDATE</join_column>",
                "<join_column>PATIENT</join_column>"));
        assertError("query_definition/subquery_constraint", temporalSpan("").replace("<first_query><query_id>B",
                "<first_query><query_id>C"));
        assertError("message", "<query_definition><panel>");
        assertError("message", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><query_definition>&e;"
                + "</query_definition>");
    }

    /** Truncated, garbled or re-valued requests: parsed, or refused with a QueryDefinitionException, nothing else. */
    @Test
    void mangledRequestsNeverFailWithAnotherException() throws Exception {
        List<String> requests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testFiles())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xml")).sorted().limit(60).toList()) {
                requests.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        java.util.Random random = new java.util.Random(42);
        String[] garbage = {"", " ", "x", "-1", "99999999999", "GT", "\\\\", "masterid:", "2001-13-45", "&amp;", "NaN"};
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            String xml = requests.get(random.nextInt(requests.size()));
            String mangled = switch (random.nextInt(3)) {
                case 0 -> xml.substring(0, random.nextInt(xml.length()));
                case 1 -> xml.replaceAll(">[^<>]{1,40}</", ">" + garbage[random.nextInt(garbage.length)] + "</");
                default -> {
                    int at = random.nextInt(xml.length());
                    yield xml.substring(0, at) + garbage[random.nextInt(garbage.length)]
                            + xml.substring(Math.min(xml.length(), at + random.nextInt(20)));
                }
            };
            try {
                parse(mangled);
            } catch (QueryDefinitionException e) {
                refused++;
            }
        }
        assertTrue(refused > 0, "some mangled requests must be refused");
    }

    /** 50,000 nested elements in 350 KB overflowed the stack of the element search; the parser now stops at depth. */
    @Test
    void deeplyNestedMessagesAreRefusedAsXml() {
        String deep = "<a>".repeat(50_000) + "</a>".repeat(50_000);
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> parse(deep));
        assertEquals("message", e.element());
        assertTrue(e.getMessage().contains("depth"), e.getMessage());
        String justDeepEnough = "<m>".repeat(90) + "<query_definition><panel><item><item_key>masterid:1</item_key>"
                + "</item></panel></query_definition>" + "</m>".repeat(90);
        assertEquals(1, parse(justDeepEnough).panels().size());
    }

    private static String temporalSpan(String span) {
        String subquery = "<subquery><query_id>%s</query_id><panel><item><item_key>masterid:1</item_key></item></panel>"
                + "</subquery>";
        return "<query_definition><subquery_constraint><first_query><query_id>B</query_id><join_column>STARTDATE"
                + "</join_column></first_query><operator>LESS</operator><second_query><query_id>A</query_id>"
                + "</second_query><span>" + span + "</span></subquery_constraint>" + subquery.formatted("A")
                + subquery.formatted("B") + "</query_definition>";
    }

    private static void assertError(String element, String xml) {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> parse(xml));
        assertEquals(element, e.element(), e.getMessage());
        assertEquals("QUERY_DEFINITION_INVALID", e.code());
    }

    private static QueryDefinition parse(String xml) {
        return I2b2QueryParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
