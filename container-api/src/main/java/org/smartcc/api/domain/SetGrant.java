package org.smartcc.api.domain;

import java.time.Instant;

/**
 * A background or helper app's grant on a patient set, with its progress: {@code setSize} counts the set's members
 * that have a SMART record (the ones a token loop can hand out), {@code handedOut} those the app's loop has handed
 * out since the grant.
 */
public record SetGrant(long resultId, String appId, String grantedBy, Instant grantedAt, long setSize,
                       long handedOut) {
}
