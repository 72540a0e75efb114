package org.smartcc.records.domain;

import java.util.List;

/**
 * The {@code api:ResponseSummary} of a non-empty record GET (§2.4).
 *
 * @param totalResultCount  matches after filtering
 * @param resultsReturned   statements in this response after paging
 * @param resultOrder       the returned statement URIs in order, only when paged (else null)
 * @param nextPageUrl       the URL of the next page, only when paged and more remain (else null)
 */
public record ResponseSummary(int totalResultCount, int resultsReturned, long processingTimeMs,
                              List<String> resultOrder, String nextPageUrl) {
}
