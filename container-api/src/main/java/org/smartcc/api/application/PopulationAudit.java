package org.smartcc.api.application;

import java.util.List;
import org.smartcc.api.domain.PopulationRead;

/**
 * The append-only audit of population reads (streamed reads, exports, aggregates): every feature that serves a set's
 * data records each answer here. Rows are only ever added.
 */
public interface PopulationAudit {

    void record(PopulationRead read);

    /** The reads of one patient set, oldest first. */
    List<PopulationRead> readsOf(long setId);
}
