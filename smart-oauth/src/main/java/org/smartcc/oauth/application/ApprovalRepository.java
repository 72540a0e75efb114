package org.smartcc.oauth.application;

import java.time.Instant;

/**
 * The approvals users gave apps on records, remembered so that the authorize page does not ask twice for the same
 * app, user and record (smart-classic §4.4 step 4).
 */
public interface ApprovalRepository {

    /** @param recordId null for a container-scope app */
    void remember(String appId, String userId, String recordId, Instant approvedAt);

    /** @param recordId null for a container-scope app */
    boolean approvedBefore(String appId, String userId, String recordId);
}
