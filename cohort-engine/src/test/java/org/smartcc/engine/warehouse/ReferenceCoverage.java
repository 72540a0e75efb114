package org.smartcc.engine.warehouse;

import java.util.Set;
import java.util.TreeSet;
import org.smartcc.engine.query.Comparison;
import org.smartcc.engine.query.Item;
import org.smartcc.engine.query.ItemKey;
import org.smartcc.engine.query.Panel;
import org.smartcc.engine.query.QueryDefinition;
import org.smartcc.engine.query.Timing;

/** The constructs a query definition uses, so that the differential test can show it compared each of them. */
final class ReferenceCoverage {

    static final Set<String> ALL = new TreeSet<>(Set.of("several panels", "exclusion", "occurrences", "dates",
            "SAMEVISIT", "SAMEINSTANCENUM", "temporal", "NUMBER value", "TEXT value", "FLAG value", "MODIFIER value",
            "modifier", "modifier value", "provider term", "visit term", "patient item"));

    private ReferenceCoverage() {
    }

    static Set<String> constructs(QueryDefinition query) {
        Set<String> used = new TreeSet<>();
        if (!query.subqueries().isEmpty()) {
            used.add("temporal");
            query.subqueries().forEach(sub -> used.addAll(constructs(sub)));
        }
        if (query.panels().size() > 1) {
            used.add("several panels");
        }
        for (Panel panel : query.panels()) {
            add(used, panel.invert(), "exclusion");
            add(used, panel.occurrences() > 1 || panel.occurrenceOperator() != Comparison.GE,
                    "occurrences");
            add(used, !panel.dates().isOpen(), "dates");
            add(used, panel.timing() == Timing.SAMEVISIT || panel.timing() == Timing.SAME, "SAMEVISIT");
            add(used, panel.timing() == Timing.SAMEINSTANCENUM, "SAMEINSTANCENUM");
            for (Item item : panel.items()) {
                add(used, !item.dates().isEmpty(), "dates");
                item.values().forEach(v -> used.add(v.type() + " value"));
                item.modifier().ifPresent(m -> {
                    used.add("modifier");
                    add(used, !m.values().isEmpty(), "modifier value");
                });
                add(used, item.key() instanceof ItemKey.Patient, "patient item");
                if (item.key() instanceof ItemKey.ConceptPath c) {
                    add(used, c.path().startsWith("\\i2b2\\Providers\\"), "provider term");
                    add(used, c.path().startsWith("\\i2b2\\Visit Details\\"), "visit term");
                }
            }
        }
        return used;
    }

    private static void add(Set<String> used, boolean present, String construct) {
        if (present) {
            used.add(construct);
        }
    }
}
