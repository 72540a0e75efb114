package org.smartcc.api.domain;

import java.time.Instant;

/**
 * One population read as the audit keeps it: which app read which set on whose grant, what it read and how much.
 *
 * @param kind       the format's media type for a streamed read, else what was read (an aggregate or an export)
 * @param records    records served
 * @param statements statements (or rows) served
 */
public record PopulationRead(String appId, String grantedBy, long setId, String collection, String kind, long records,
                             long statements, Instant at) {
}
