package org.smartcc.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model refuses what no reader may pass on, whichever reader (or code) builds it. */
class QueryModelTest {

    private static final Item ITEM = new Item(new ItemKey.PreviousQuery("1"), "q", List.of(), List.of(),
            Optional.empty(), List.of());

    @Test
    void valueConstraintsTakeOnlyTheOperatorsOfTheirTypeAndNumbersForNumber() {
        assertRefused("value_operator", () -> new ValueConstraint(ValueConstraint.ValueType.NUMBER,
                ValueOperator.LIKE_CONTAINS, "1", Optional.empty()));
        assertRefused("value_operator", () -> new ValueConstraint(ValueConstraint.ValueType.FLAG,
                ValueOperator.GT, "H", Optional.empty()));
        assertRefused("value_constraint", () -> new ValueConstraint(ValueConstraint.ValueType.NUMBER,
                ValueOperator.GT, "1) OR (1=1", Optional.empty()));
        assertRefused("value_constraint", () -> new ValueConstraint(ValueConstraint.ValueType.NUMBER,
                ValueOperator.BETWEEN, "1 and 2 and 3", Optional.empty()));
        assertRefused("value_constraint", () -> new ValueConstraint(ValueConstraint.ValueType.NUMBER,
                ValueOperator.EQ, "Infinity", Optional.empty()));
        assertEquals(List.of(1.0, 2.5, 3.0), ValueConstraint.numbers(ValueOperator.IN, "('1', 2.5, 3)"));
        assertEquals(ValueOperator.LIKE_CONTAINS, ValueOperator.of("like[contains]", "op"));
        assertEquals("LIKE[CONTAINS]", ValueOperator.LIKE_CONTAINS.text());
        assertRefused("op", () -> ValueOperator.of("LIKE[anything]", "op"));
    }

    @Test
    void spansAreBoundedAndNeedDates() {
        assertRefused("span_value", () -> new TemporalConstraint.Span(TemporalConstraint.Operator.LESS, -1,
                TemporalConstraint.Unit.DAY));
        assertRefused("span_value", () -> new TemporalConstraint.Span(TemporalConstraint.Operator.LESS, 201,
                TemporalConstraint.Unit.YEAR));
        TemporalConstraint.Span day = new TemporalConstraint.Span(TemporalConstraint.Operator.LESS, 1,
                TemporalConstraint.Unit.DAY);
        TemporalConstraint.Event patient = new TemporalConstraint.Event("A", TemporalConstraint.JoinColumn.PATIENT,
                TemporalConstraint.Aggregate.ANY);
        assertRefused("span", () -> new TemporalConstraint(patient, TemporalConstraint.Operator.EQUAL, patient,
                List.of(day)));
    }

    @Test
    void definitionsNeedAPanelAndConstraintsNameTheirOwnSubqueries() {
        Panel panel = new Panel(1, Timing.ANY, false, Comparison.GE, 1, DateWindow.ALWAYS, List.of(ITEM));
        assertRefused("", () -> new QueryDefinition(Optional.empty(), "", Timing.ANY, List.of(), List.of(),
                List.of()));
        QueryDefinition a = new QueryDefinition(Optional.of("A"), "", Timing.ANY, List.of(panel), List.of(), List.of());
        TemporalConstraint.Event first = new TemporalConstraint.Event("A", TemporalConstraint.JoinColumn.STARTDATE,
                TemporalConstraint.Aggregate.FIRST);
        TemporalConstraint.Event absent = new TemporalConstraint.Event("B", TemporalConstraint.JoinColumn.STARTDATE,
                TemporalConstraint.Aggregate.FIRST);
        assertRefused("subquery_constraint", () -> new QueryDefinition(Optional.empty(), "", Timing.ANY, List.of(),
                List.of(a), List.of(new TemporalConstraint(first, TemporalConstraint.Operator.LESS, absent,
                        List.of()))));
        assertRefused("total_item_occurrences", () -> new Panel(1, Timing.ANY, false, Comparison.GE, -1,
                DateWindow.ALWAYS, List.of(ITEM)));
        assertRefused("years", () -> new AgeAtEvent(Comparison.GE, 151));
    }

    @Test
    void aNameFitsTheQueryMasterTable() {
        Panel panel = new Panel(1, Timing.ANY, false, Comparison.GE, 1, DateWindow.ALWAYS, List.of(ITEM));
        String longest = "n".repeat(QueryDefinition.MAX_NAME_LENGTH);
        assertEquals(longest, new QueryDefinition(Optional.empty(), longest, Timing.ANY, List.of(panel), List.of(),
                List.of()).name());
        assertRefused("name", () -> new QueryDefinition(Optional.empty(), longest + "n", Timing.ANY, List.of(panel),
                List.of(), List.of()));
    }

    @Test
    void aRefusalIsPlacedWhereTheReaderFoundThePart() {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> QueryDefinitionException.at(
                "query_definition/panel[2]", () -> new Panel(1, Timing.ANY, false, Comparison.GE, -1,
                        DateWindow.ALWAYS, List.of())));
        assertEquals("query_definition/panel[2]/total_item_occurrences", e.element());
        assertEquals("must not be negative", e.detail());
    }

    private static void assertRefused(String element, Runnable build) {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, build::run);
        assertEquals(element, e.element(), e.getMessage());
    }
}
