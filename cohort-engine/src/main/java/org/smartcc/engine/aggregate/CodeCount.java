package org.smartcc.engine.aggregate;

import org.smartcc.engine.privacy.ReportedCount;

/**
 * The patients of a set who have a code, as the caller may see them.
 *
 * @param system the code system as the concept code names it ({@code RXNORM}, {@code LOINC}, {@code SNOMED}, ...),
 *               without the collection's role prefix; {@code system:code} is what {@code values?code=} takes
 * @param title  the concept's name in the concept tree
 */
public record CodeCount(String system, String code, String title, ReportedCount patients) {
}
