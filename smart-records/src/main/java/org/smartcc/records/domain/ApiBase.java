package org.smartcc.records.domain;

import java.util.regex.Pattern;

/** The {@code api_base} statement URIs are served under: an absolute http(s) URL without trailing slash (§2.1). */
public final class ApiBase {

    /** Characters that could not stand in an IRI, or would break N-Triples/RDF/XML output, are refused. */
    private static final Pattern VALID = Pattern.compile("https?://[^\\s<>\"{}|\\\\^`/?#]+(/[^\\s<>\"{}|\\\\^`?#]*)?");

    private ApiBase() {
    }

    public static String check(String apiBase) {
        if (apiBase == null || !VALID.matcher(apiBase).matches() || apiBase.endsWith("/")) {
            throw new RecordsException(ErrorCode.BAD_PARAMETER, "api_base must be an http(s) URL without query and "
                    + "without trailing slash, e.g. http://localhost:8080, not '" + apiBase + "'");
        }
        return apiBase;
    }
}
