package org.smartcc.api.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smartcc.api.domain.CohortPosition;
import org.smartcc.api.domain.Researcher;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * Cohort mode (issue 14): a researcher pages an app through the SMART records of one of their patient sets and the
 * container keeps where they stopped. Who may do so is {@link CohortService#patientSet}'s rule (the set's user, with a
 * role that may list its members; another user's set answers as an absent one).
 */
@ApplicationScoped
public class CohortModeService {

    /** The most records one page returns. */
    public static final int MAX_PAGE = 1000;

    private CohortService cohorts;
    private CohortModeStore store;
    private Clock clock;

    /** For CDI's client proxy only. */
    protected CohortModeService() {
    }

    @Inject
    public CohortModeService(CohortService cohorts, CohortModeStore store) {
        this(cohorts, store, Clock.systemUTC());
    }

    public CohortModeService(CohortService cohorts, CohortModeStore store, Clock clock) {
        this.cohorts = cohorts;
        this.store = store;
        this.clock = clock;
    }

    /** One record of a set and its position in it, from 1. */
    public record SetRecord(int position, String recordId) {
    }

    /** A page of a set's records; {@code total} counts all of them. */
    public record RecordPage(long resultId, int total, int offset, List<SetRecord> records) {
    }

    public RecordPage records(Researcher researcher, long resultId, int offset, int limit) {
        cohorts.patientSet(researcher, resultId);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "BAD_PAGE", "offset must be ≥ 0 and limit between 1 and "
                    + MAX_PAGE);
        }
        List<String> ids = store.records(resultId, offset, limit);
        List<SetRecord> records = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            records.add(new SetRecord(offset + i + 1, ids.get(i)));
        }
        return new RecordPage(resultId, store.recordCount(resultId), offset, records);
    }

    /** Where the researcher stopped in the set; the first record before their first move. */
    public CohortPosition position(Researcher researcher, long resultId) {
        cohorts.patientSet(researcher, resultId);
        return store.position(researcher.user(), resultId).orElse(CohortPosition.START);
    }

    public CohortPosition moveTo(Researcher researcher, long resultId, int position, Optional<String> appId) {
        cohorts.patientSet(researcher, resultId);
        CohortPosition moved = CohortPosition.moveTo(position, store.recordCount(resultId), appId, clock.instant());
        store.savePosition(researcher.user(), resultId, moved);
        return moved;
    }
}
