package org.smartcc.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.smartcc.engine.SampleStore;
import org.smartcc.engine.SharedSpark;
import org.smartcc.engine.query.i2b2.I2b2QueryParser;
import org.smartcc.engine.query.i2b2.I2b2QueryWriter;
import org.smartcc.engine.query.json.QueryJson;
import org.smartcc.engine.query.spark.CohortPlan;
import org.smartcc.engine.query.spark.PatientSetPlanner;

/**
 * Valid definitions in both forms with values replaced at random by hostile ones (SQL and Spark SQL fragments,
 * quotes, backticks, huge and odd numbers, wrong JSON types, deep nesting, DOCTYPEs): a reader either builds a
 * definition or refuses it with the stable code of an invalid definition, never anything else; and a definition it
 * builds plans to a Spark job that reads the snapshot's files and nothing else.
 */
class QueryReadersPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEEP = "deep:";

    /** Attacks, and words of the vocabulary, so that some replacements still make a valid definition. */
    private static final List<String> WORDS = List.of(
            "DAY, 0, coalesce(raise_error((SELECT first(value) FROM text.`/etc/passwd`)), a)) --",
            "1) OR (1=1", "'; DROP TABLE qt_query_master; --", "x' OR 'a'='a", "`", "'", "\"", "\\", ")", "--",
            "text.`/etc/passwd`", "parquet.`/tmp`", "java_method('java.lang.System', 'exit', 0)",
            "reflect('java.lang.Runtime', 'getRuntime')", "${jndi:ldap://127.0.0.1/x}", "\u0000", "\ud800", "",
            " ", "NaN", "Infinity", "-1", "1e309", "99999999999999999999", "0x10", "1 and 2", "(1,2,3)",
            "DAY", "YEAR", "SECOND", "GREATER", "LESSEQUAL", "STARTDATE", "ENCOUNTER_ENDDATE", "PATIENT", "FIRST",
            "ANY", "NUMBER", "TEXT", "FLAG", "LARGETEXT", "GT", "BETWEEN", "IN", "LIKE[contains]", "CONTAINS",
            "SAME", "SAMEVISIT", "EQ", "A", "B", "2020-01-01T00:00:00", "\\\\i2b2\\SMART\\Medications\\",
            "\\\\i2b2\\SMART\\' OR 1=1 --\\", "masterid:1", "patient:1", "patient:x') --", "encounter:1");

    private static final List<String> JSON_DEFINITIONS = List.of("""
            {"name": "meds", "timing": "ANY", "panels": [{"number": 1, "timing": "ANY", "invert": false,
             "occurrences": {"operator": "GE", "count": 1}, "dates": {"from": {"value": "2001-01-01T00:00:00"}},
             "items": [{"key": "\\\\\\\\i2b2\\\\SMART\\\\Medications\\\\", "name": "Medications",
               "values": [{"type": "NUMBER", "operator": "GT", "value": "5", "unit": "mg"}],
               "ageAtEvent": [{"operator": "GE", "years": 18}]}]},
             {"number": 2, "invert": true, "items": [{"key": "\\\\\\\\i2b2\\\\SMART\\\\Problems\\\\",
               "modifier": {"key": "\\\\x\\\\", "values": [{"type": "TEXT", "operator": "LIKE[contains]",
               "value": "a"}]}}]}]}
            """, """
            {"subqueries": [
              {"id": "A", "panels": [{"items": [{"key": "\\\\\\\\i2b2\\\\SMART\\\\Medications\\\\"}]}]},
              {"id": "B", "panels": [{"items": [{"key": "\\\\\\\\i2b2\\\\SMART\\\\Problems\\\\",
                "values": [{"type": "FLAG", "operator": "EQ", "value": "H"}]}]}]}],
             "temporalConstraints": [{"first": {"queryId": "A", "joinColumn": "STARTDATE", "aggregate": "FIRST"},
               "operator": "LESS", "second": {"queryId": "B", "joinColumn": "ENDDATE", "aggregate": "ANY"},
               "spans": [{"operator": "GREATER", "value": 14, "units": "DAY"}]}]}
            """);

    private static final List<String> XML_DEFINITIONS = List.of("""
            <ns4:request xmlns:ns4="http://www.i2b2.org/xsd/hive/msg/1.1/"><message_body><query_definition>
            <query_name>meds</query_name><query_timing>ANY</query_timing><panel><panel_number>1</panel_number>
            <panel_timing>ANY</panel_timing><invert>0</invert>
            <total_item_occurrences operator="GE">1</total_item_occurrences>
            <panel_date_from time="START_DATE" inclusive="YES">2001-01-01T00:00:00Z</panel_date_from>
            <item><item_name>Medications</item_name><item_key>\\\\i2b2\\SMART\\Medications\\</item_key>
            <constrain_by_value><value_type>NUMBER</value_type><value_operator>BETWEEN</value_operator>
            <value_constraint>1 and 5</value_constraint></constrain_by_value>
            <constrain_by_age_at_event><operator>LT</operator><years>65</years></constrain_by_age_at_event>
            </item></panel><panel><invert>1</invert><item><item_key>\\\\i2b2\\SMART\\Problems\\</item_key>
            <constrain_by_value><value_type>TEXT</value_type><value_operator>LIKE[begin]</value_operator>
            <value_constraint>a</value_constraint></constrain_by_value></item></panel></query_definition>
            </message_body></ns4:request>
            """, """
            <query_definition><subquery_constraint><first_query><query_id>A</query_id>
            <join_column>STARTDATE</join_column><aggregate_operator>FIRST</aggregate_operator></first_query>
            <operator>LESS</operator><second_query><query_id>B</query_id><join_column>STARTDATE</join_column>
            <aggregate_operator>ANY</aggregate_operator></second_query><span><operator>GREATER</operator>
            <span_value>1</span_value><units>YEAR</units></span></subquery_constraint>
            <subquery><query_id>A</query_id><panel><item><item_key>\\\\i2b2\\SMART\\Medications\\</item_key>
            </item></panel></subquery><subquery><query_id>B</query_id><panel><panel_timing>SAMEVISIT</panel_timing>
            <item><item_key>\\\\i2b2\\SMART\\Problems\\</item_key></item></panel></subquery></query_definition>
            """);

    private static PatientSetPlanner planner;
    private static int planned;

    @Property(tries = 600)
    void theJsonReaderBuildsOrRefusesWithTheStableCode(@ForAll("hostileJson") String json) {
        readOrRefuse(() -> QueryJson.read(json));
    }

    @Property(tries = 600)
    void theI2b2ReaderBuildsOrRefusesWithTheStableCode(@ForAll("hostileXml") String xml) {
        readOrRefuse(() -> I2b2QueryParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * What the JSON reader accepts, hostile values included, the i2b2 writer writes as XML that reads back to it (or
     * refuses with the stable code, for a character XML cannot carry). The one difference the XML form has: an item
     * date window open at both ends is no constraint, and the XML reader leaves it out.
     */
    @Property(tries = 600)
    void anAcceptedDefinitionSurvivesTheI2b2Writer(@ForAll("hostileJson") String json) {
        readOrRefuse(() -> QueryJson.read(json)).ifPresent(query -> readOrRefuse(() -> I2b2QueryWriter.write(query))
                .ifPresent(xml -> assertEquals(withoutOpenItemWindows(query), I2b2QueryParser.parse(
                        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))), xml)));
    }

    /** Fewer tries: each accepted definition is planned by Spark. */
    @Property(tries = 120)
    void anAcceptedDefinitionReadsOnlyTheSnapshot(@ForAll("hostileJson") String json, @ForAll("hostileXml")
            String xml) {
        readOrRefuse(() -> QueryJson.read(json)).ifPresent(QueryReadersPropertyTest::assertReadsOnlyTheSnapshot);
        readOrRefuse(() -> I2b2QueryParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .ifPresent(QueryReadersPropertyTest::assertReadsOnlyTheSnapshot);
    }

    @AfterContainer
    static void somePlansWereBuilt() {
        if (planner != null) {
            assertTrue(planned > 0, "no accepted definition was planned: the generators make only refusals");
        }
    }

    private static QueryDefinition withoutOpenItemWindows(QueryDefinition q) {
        return new QueryDefinition(q.id(), q.name(), q.timing(), q.panels().stream().map(p -> new Panel(p.number(),
                p.timing(), p.invert(), p.occurrenceOperator(), p.occurrences(), p.dates(), p.items().stream()
                .map(i -> new Item(i.key(), i.name(), i.values(), i.dates().stream().filter(d -> !d.isOpen()).toList(),
                        i.modifier(), i.ages())).toList())).toList(),
                q.subqueries().stream().map(QueryReadersPropertyTest::withoutOpenItemWindows).toList(),
                q.temporalConstraints());
    }

    private static <T> java.util.Optional<T> readOrRefuse(Supplier<T> read) {
        try {
            return java.util.Optional.of(read.get());
        } catch (QueryDefinitionException e) {
            assertEquals("QUERY_DEFINITION_INVALID", e.code());
            assertTrue(e.detail() != null && !e.detail().isBlank(), "a refusal says what is wrong");
            return java.util.Optional.empty();
        }
    }

    private static void assertReadsOnlyTheSnapshot(QueryDefinition query) {
        synchronized (QueryReadersPropertyTest.class) {
            if (planner == null) {
                planner = new PatientSetPlanner(SharedSpark.engine().spark(), SampleStore.snapshot());
            }
        }
        CohortPlan plan;
        try {
            plan = planner.plan(query);
        } catch (QueryDefinitionException refusedByThePlanner) {
            assertEquals("QUERY_DEFINITION_INVALID", refusedByThePlanner.code());
            return;
        }
        planned++;
        Path snapshot = SampleStore.snapshot().location().toAbsolutePath().normalize();
        for (String file : plan.patients().inputFiles()) {
            Path read = Path.of(URI.create(file)).toAbsolutePath().normalize();
            assertTrue(read.startsWith(snapshot), "reads " + read + " outside the snapshot " + snapshot);
        }
        String analysed = plan.patients().queryExecution().analyzed().toString();
        assertTrue(!analysed.contains("raise_error") && !analysed.contains("reflect")
                && !analysed.contains("java_method"), analysed);
    }

    @Provide
    Arbitrary<String> hostileJson() {
        return Arbitraries.longs().map(seed -> mutateJson(new Random(seed)));
    }

    @Provide
    Arbitrary<String> hostileXml() {
        return Arbitraries.longs().map(seed -> mutateXml(new Random(seed)));
    }

    private static String mutateJson(Random random) {
        try {
            JsonNode root = JSON.readTree(JSON_DEFINITIONS.get(random.nextInt(JSON_DEFINITIONS.size())));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                List<JsonNode> containers = new ArrayList<>();
                collectContainers(root, containers);
                ContainerNode<?> target = (ContainerNode<?>) containers.get(random.nextInt(containers.size()));
                JsonNode replacement = hostileJsonValue(random);
                if (target instanceof ObjectNode object && object.size() > 0) {
                    List<String> fields = new ArrayList<>();
                    object.fieldNames().forEachRemaining(fields::add);
                    String field = random.nextInt(8) == 0 ? WORDS.get(random.nextInt(WORDS.size()))
                            : fields.get(random.nextInt(fields.size()));
                    if (random.nextInt(6) == 0) {
                        object.remove(field);
                    } else {
                        object.set(field, replacement);
                    }
                } else if (target instanceof ArrayNode array) {
                    array.insert(array.isEmpty() ? 0 : random.nextInt(array.size()), replacement);
                }
            }
            String text = nestDeep(JSON.writeValueAsString(root));
            return random.nextInt(20) == 0 ? text.substring(0, random.nextInt(text.length())) : text;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.elements().forEachRemaining(child -> collectContainers(child, out));
        }
    }

    private static JsonNode hostileJsonValue(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(10)) {
            case 0 -> f.numberNode(random.nextLong());
            case 1 -> f.numberNode(new BigInteger("1" + "0".repeat(1 + random.nextInt(40))));
            case 2 -> f.numberNode(random.nextGaussian() * 1e6);
            case 3 -> f.booleanNode(random.nextBoolean());
            case 4 -> f.nullNode();
            case 5 -> f.objectNode().put(WORDS.get(random.nextInt(WORDS.size())), WORDS.get(random.nextInt(
                    WORDS.size())));
            case 6 -> f.textNode(DEEP + (1 + random.nextInt(5000))); // nested as text: Jackson's tree would refuse
            default -> f.textNode(WORDS.get(random.nextInt(WORDS.size())));
        };
    }

    /** {@code "deep:N"} becomes N nested arrays. */
    private static String nestDeep(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + DEEP + "(\\d+)\"").matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int depth = Integer.parseInt(m.group(1));
            m.appendReplacement(out, "[".repeat(depth) + "]".repeat(depth));
        }
        return m.appendTail(out).toString();
    }

    private static String mutateXml(Random random) {
        String xml = XML_DEFINITIONS.get(random.nextInt(XML_DEFINITIONS.size()));
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            List<int[]> texts = new ArrayList<>(); // [start, end) of each element's text between tags
            for (int i = xml.indexOf('>'); i >= 0 && i < xml.length() - 1; i = xml.indexOf('>', i + 1)) {
                int end = xml.indexOf('<', i);
                if (end > i + 1) {
                    texts.add(new int[] {i + 1, end});
                }
            }
            String word = WORDS.get(random.nextInt(WORDS.size()));
            int[] at = texts.get(random.nextInt(texts.size()));
            xml = switch (random.nextInt(8)) {
                case 0 -> xml.substring(0, at[0]) + word + xml.substring(at[1]); // raw: may break the XML
                case 1 -> "<!DOCTYPE q [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + xml.replace(
                        xml.substring(at[0], at[1]), "&e;");
                case 2 -> xml.substring(0, at[0]) + "<x>".repeat(random.nextInt(20_000)) + xml.substring(at[0]);
                case 3 -> xml.substring(0, at[0]) + xml.substring(at[1]);
                default -> xml.substring(0, at[0]) + escape(word) + xml.substring(at[1]);
            };
        }
        return xml;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u0000", "")
                .replace("\ud800", "");
    }
}
