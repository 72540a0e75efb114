package org.smartcc.records.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the query parameters of a record GET as the reference server does (§2.3): {@code |} separates alternatives
 * of one parameter (OR), different parameters combine with AND, parameters the call does not know are ignored, and a
 * repeated parameter counts with its last value (Django's {@code QueryDict.get}). Malformed values are refused with a
 * {@link RecordsException} naming the parameter; nothing else is thrown.
 */
public final class RecordQueryParser {

    /** Codes are put into an URI: only URI-unreserved characters can name a code (RxNorm, SNOMED, LOINC, enums). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._~-]{1,100}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

    private RecordQueryParser() {
    }

    /** @param parameters query parameters by name (e.g. a JAX-RS {@code MultivaluedMap}), values decoded */
    public static RecordQuery parse(ApiCall call, Map<String, List<String>> parameters) {
        Map<String, String> last = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name != null && values != null && !values.isEmpty() && values.get(values.size() - 1) != null) {
                last.put(name, values.get(values.size() - 1));
            }
        });
        List<FilterCondition> conditions = new ArrayList<>();
        for (Map.Entry<String, String> p : last.entrySet()) {
            Optional<FilterDefinition> filter = call.filter(p.getKey());
            filter.ifPresent(f -> conditions.add(condition(f, p.getValue())));
        }
        Optional<Paging> paging = paging(last);
        Optional<DocumentFormat> format = Optional.empty();
        if (call.parameters().contains("format") && last.containsKey("format")) {
            String value = last.get("format");
            format = Optional.of(DocumentFormat.of(value).orElseThrow(() -> new RecordsException(ErrorCode.BAD_PARAMETER,
                    "parameter 'format' must be raw, metadata or combined, not '" + shorten(value) + "'")));
        }
        return new RecordQuery(conditions, paging, format, last);
    }

    private static FilterCondition condition(FilterDefinition filter, String value) {
        String[] alternatives = value.split("\\|", -1);
        List<String> values = new ArrayList<>();
        Optional<DateBound> bound = filter.isDateFilter() ? DateBound.ofParameter(filter.parameter()) : Optional.empty();
        if (filter.isDateFilter() && bound.isEmpty()) {
            throw new IllegalStateException("ontology date filter with an unknown parameter: " + filter.parameter());
        }
        for (String v : alternatives) {
            String t = v.trim();
            if (bound.isPresent()) {
                if (!DateBound.isWellFormed(t)) {
                    throw badFilter(filter, v, "an ISO-8601 date such as 2010-05-01 or 2010-05-01T10:00:00Z");
                }
                values.add(bound.get().padParameter(t));
            } else {
                if (!CODE.matcher(t).matches()) {
                    throw badFilter(filter, v, "a code of letters, digits, '.', '_', '~' or '-'");
                }
                values.add(filter.codeUri(t));
            }
        }
        return new FilterCondition(filter, bound.orElse(null), values);
    }

    /** Paging applies only with a {@code limit}; an {@code offset} alone is checked but has no effect (§2.3). */
    private static Optional<Paging> paging(Map<String, String> parameters) {
        Integer offset = count(parameters, "offset", 0);
        Integer limit = count(parameters, "limit", 1);
        return limit == null ? Optional.empty() : Optional.of(new Paging(limit, offset == null ? 0 : offset));
    }

    private static Integer count(Map<String, String> parameters, String name, int minimum) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        String t = value.trim();
        if (!COUNT.matcher(t).matches() || Integer.parseInt(t) < minimum) {
            throw new RecordsException(ErrorCode.BAD_PAGING, "parameter '" + name + "' must be an integer of at least "
                    + minimum + " (at most 9 digits), not '" + shorten(value) + "'");
        }
        return Integer.parseInt(t);
    }

    private static RecordsException badFilter(FilterDefinition filter, String value, String expected) {
        return new RecordsException(ErrorCode.BAD_FILTER, "parameter '" + filter.parameter() + "' must be " + expected
                + " (several separated by '|'), not '" + shorten(value) + "'");
    }

    /** Messages quote the offending value, cut short so a huge parameter does not end up in logs whole. */
    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
