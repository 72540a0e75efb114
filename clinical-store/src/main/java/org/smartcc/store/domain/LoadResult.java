package org.smartcc.store.domain;

import java.util.List;

/**
 * The outcome of loading a file or folder: what was stored, skipped as unchanged, or rejected (and why).
 */
public record LoadResult(List<String> loaded, List<String> unchanged, List<Rejection> rejected) {

    /** A source that could not be loaded; nothing of it was stored. */
    public record Rejection(String source, String code, String message) {
    }

    public boolean hasRejections() {
        return !rejected.isEmpty();
    }
}
