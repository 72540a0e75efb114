package org.smartcc.oauth.application;

import java.util.Optional;

/**
 * Which records each background or helper app may walk, supplied by the container: the provider knows apps and
 * records but not why an app would be narrowed to some of them (the container grants apps patient sets).
 */
public interface RecordScopes {

    /** Nothing narrows any app: each walks every record, as the reference container does. */
    RecordScopes EVERY_RECORD = new RecordScopes() {
        @Override
        public Optional<RecordIds> of(String appId) {
            return Optional.empty();
        }

        @Override
        public void handedOut(String appId, String recordId) {
            // nothing to count when no app is narrowed
        }
    };

    /** The records the app may walk, in the loop's order; empty when nothing narrows it to fewer than all. */
    Optional<RecordIds> of(String appId);

    /** The loop handed the app a token for the record (the container counts an app's progress through its scope). */
    void handedOut(String appId, String recordId);
}
