package org.smartcc.api.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.smartcc.api.domain.Researcher;
import org.smartcc.engine.CohortEngine;
import org.smartcc.engine.ConceptTree;
import org.smartcc.engine.Snapshot;
import org.smartcc.engine.privacy.PrivacySettings;
import org.smartcc.engine.run.RunException;
import org.smartcc.store.Database;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * The concept tree for researchers: the latest snapshot's tree, made on the first call after the snapshot changes
 * (one Spark job) and kept until the next one, with its counts as the researcher's roles may see them. Users without
 * exact counts share one set of protected counts per snapshot, each drawn once, so asking again reveals nothing new.
 */
@ApplicationScoped
public class ConceptTreeService {

    /** The most nodes one search answers. */
    public static final int MAX_SEARCH = 500;
    /** The longest search text. */
    public static final int MAX_QUERY = 200;

    private Supplier<Optional<Snapshot>> latestSnapshot;
    private Function<Snapshot, ConceptTree> treeOf;
    private PrivacySettings privacy;
    private Current current;

    /** The tree of one snapshot with its exact and its protected counts. */
    private record Current(ConceptTree tree, ConceptTree.Counts exact, ConceptTree.Counts protectedCounts) {
    }

    /** For CDI's client proxy only. */
    protected ConceptTreeService() {
    }

    @Inject
    public ConceptTreeService(CohortEngine engine, Database database, PrivacySettings privacy) {
        this(() -> engine.latestSnapshot(database), engine::conceptTree, privacy);
    }

    public ConceptTreeService(Supplier<Optional<Snapshot>> latestSnapshot, Function<Snapshot, ConceptTree> treeOf,
                              PrivacySettings privacy) {
        this.latestSnapshot = latestSnapshot;
        this.treeOf = treeOf;
        this.privacy = privacy;
    }

    /** The top-level nodes, or the children of {@code parent}. */
    public List<ConceptTree.Node> children(Researcher researcher, Optional<String> parent) {
        parent.ifPresent(ConceptTreeService::requirePath);
        Current tree = current();
        ConceptTree.Counts counts = countsFor(researcher, tree);
        if (parent.isEmpty()) {
            return tree.tree().roots(counts);
        }
        return tree.tree().children(parent.get(), counts).orElseThrow(() -> new CodedException(ErrorKind.NOT_FOUND,
                "CONCEPT_NOT_FOUND", "no concept " + parent.get() + " in the latest snapshot"));
    }

    /** The categories of an i2b2 warehouse's ontology ({@code table_access}); empty for the container's own store. */
    public List<ConceptTree.Category> categories() {
        return current().tree().categories();
    }

    /** At most {@code limit} nodes whose name or code contains {@code text}, ignoring case. */
    public List<ConceptTree.Node> search(Researcher researcher, String text, int limit) {
        if (text.isBlank() || text.length() > MAX_QUERY || text.chars().anyMatch(Character::isISOControl)) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "CONCEPT_QUERY_INVALID", "q must be 1 to " + MAX_QUERY
                    + " characters of text");
        }
        if (limit < 1 || limit > MAX_SEARCH) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "CONCEPT_QUERY_INVALID", "limit must be between 1 and "
                    + MAX_SEARCH);
        }
        Current tree = current();
        return tree.tree().search(text, limit, countsFor(researcher, tree));
    }

    private static void requirePath(String path) {
        if (!ConceptTree.wellFormed(path)) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "CONCEPT_PATH_INVALID", "a concept path starts and ends"
                    + " with \\, has no empty segment and at most " + ConceptTree.MAX_PATH + " characters, e.g."
                    + " \\SMART\\Medications\\");
        }
    }

    private ConceptTree.Counts countsFor(Researcher researcher, Current tree) {
        return privacy.seesExactCounts(researcher.roles()) ? tree.exact() : tree.protectedCounts();
    }

    /** Concurrent first calls for a new snapshot wait for one Spark job rather than each starting theirs. */
    private synchronized Current current() {
        Snapshot latest = latestSnapshot.get().orElseThrow(() -> new RunException(RunException.Code.NO_SNAPSHOT,
                "no snapshot of the clinical data has been written yet; the concept tree counts from one"));
        if (current == null || !current.tree().snapshotId().equals(latest.id())) {
            ConceptTree tree = treeOf.apply(latest);
            current = new Current(tree, tree.counts(privacy.protectionFor(privacy.exactRoles())),
                    tree.counts(privacy.protectionFor(Set.of())));
        }
        return current;
    }
}
