package org.smartcc.api.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.smartcc.api.domain.Researcher;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.aggregate.AggregateCollection;
import org.smartcc.engine.aggregate.CodeCount;
import org.smartcc.engine.aggregate.SetAggregates;
import org.smartcc.engine.aggregate.ValueDistribution;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.run.CohortRuns;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunException;
import org.smartcc.store.Database;

/**
 * Aggregates over a patient set for its owner or for an app the set was granted to: the one place they are computed.
 * The owner's roles decide between exact and protected counts; an app, which has no data roles, always gets the
 * protected ones, and each of its answers is audited as a population read. Another user's set, or a result that is
 * no patient set, answers the owner as an absent set. The latest snapshot's aggregates
 * are kept until a newer snapshot appears, with two sets of draws: the exact counts, and the protected counts that
 * every user without exact counts shares, each drawn once per set and cell, so asking again reveals nothing new.
 */
@ApplicationScoped
public class AggregateService {

    /** The audit's {@code kind} of an app's aggregate answers; its rows count the codes or bins answered. */
    static final String AUDITED_CODES = "aggregate:codes";
    static final String AUDITED_VALUES = "aggregate:values";

    private Supplier<CohortRuns> runs;
    private Supplier<Optional<Snapshot>> latestSnapshot;
    private Function<Snapshot, SetAggregates> aggregatesOf;
    private PrivacySettings privacy;
    private PopulationReads reads;
    private Current current;

    /** The aggregates of one snapshot with the draws of the exact and of the protected counts. */
    private record Current(SetAggregates aggregates, SetAggregates.Draws exact, SetAggregates.Draws protectedDraws) {
    }

    /** For CDI's client proxy only. */
    protected AggregateService() {
    }

    @Inject
    public AggregateService(Provider<CohortRuns> runs, CohortEngine engine, Database database,
                            PrivacySettings privacy, PopulationReads reads) {
        this(runs::get, () -> engine.latestSnapshot(database),
                snapshot -> engine.setAggregates(snapshot, runs.get().store()), privacy, reads);
    }

    /**
     * @param aggregatesOf the aggregates of a snapshot over the run store's sets
     * @param reads        where a granted app's answers are audited
     */
    public AggregateService(Supplier<CohortRuns> runs, Supplier<Optional<Snapshot>> latestSnapshot,
                            Function<Snapshot, SetAggregates> aggregatesOf, PrivacySettings privacy,
                            PopulationReads reads) {
        this.runs = runs;
        this.latestSnapshot = latestSnapshot;
        this.aggregatesOf = aggregatesOf;
        this.privacy = privacy;
        this.reads = reads;
    }

    /** The codes of a collection by the number of the set's patients who have them, at most {@code top}. */
    public List<CodeCount> codes(Researcher researcher, long setId, String collection, int top) {
        requireOwnSet(researcher, setId);
        AggregateCollection named = AggregateCollection.named(collection);
        Current now = current();
        return now.aggregates().codes(setId, named, top, drawsFor(researcher, now));
    }

    /** The distribution of a code's numeric values over the set, in about {@code bins} bins. */
    public ValueDistribution values(Researcher researcher, long setId, String collection, String code, int bins) {
        requireOwnSet(researcher, setId);
        AggregateCollection named = AggregateCollection.named(collection);
        Current now = current();
        return now.aggregates().values(setId, named, code, bins, drawsFor(researcher, now));
    }

    /** {@link #codes(Researcher, long, String, int)} for a granted app: protected counts, audited. */
    public List<CodeCount> codes(PopulationReads.Grant grant, String collection, int top) {
        AggregateCollection named = AggregateCollection.named(collection);
        Current now = current();
        List<CodeCount> codes = now.aggregates().codes(grant.setId(), named, top, now.protectedDraws());
        reads.audited(grant, collection, AUDITED_CODES, 0, codes.size());
        return codes;
    }

    /** {@link #values(Researcher, long, String, String, int)} for a granted app: protected counts, audited. */
    public ValueDistribution values(PopulationReads.Grant grant, String collection, String code, int bins) {
        AggregateCollection named = AggregateCollection.named(collection);
        Current now = current();
        ValueDistribution distribution = now.aggregates().values(grant.setId(), named, code, bins,
                now.protectedDraws());
        reads.audited(grant, collection, AUDITED_VALUES, 0, distribution.bins().size());
        return distribution;
    }

    private void requireOwnSet(Researcher researcher, long setId) {
        CohortRuns current = runs.get();
        boolean own = current.store().ownerOfResult(setId).map(researcher.user()::equals).orElse(false)
                && current.store().resultById(setId).map(r -> r.type() == ResultType.PATIENTSET).orElse(false);
        if (!own) {
            throw new RunException(RunException.Code.SET_NOT_FOUND, "no patient set " + setId + " of yours");
        }
    }

    private SetAggregates.Draws drawsFor(Researcher researcher, Current now) {
        return privacy.seesExactCounts(researcher.roles()) ? now.exact() : now.protectedDraws();
    }

    /** Concurrent first calls for a new snapshot wait for one read of its concepts. */
    private synchronized Current current() {
        Snapshot latest = latestSnapshot.get().orElseThrow(() -> new RunException(RunException.Code.NO_SNAPSHOT,
                "no snapshot of the clinical data has been written yet; aggregates are computed from one"));
        if (current == null || !current.aggregates().snapshotId().equals(latest.id())) {
            SetAggregates aggregates = aggregatesOf.apply(latest);
            current = new Current(aggregates, aggregates.draws(privacy.protectionFor(privacy.exactRoles())),
                    aggregates.draws(privacy.protectionFor(Set.of())));
        }
        return current;
    }
}
