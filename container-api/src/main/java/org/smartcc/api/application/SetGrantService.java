package org.smartcc.api.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.smartcc.api.domain.Granter;
import org.smartcc.api.domain.SetGrant;
import org.smartcc.engine.run.CohortRuns;
import org.smartcc.engine.run.ResultType;
import org.smartcc.engine.run.RunException;
import org.smartcc.oauth.application.AppRepository;
import org.smartcc.oauth.domain.AppMode;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/**
 * Grants of background and helper apps on patient sets (issue 14): the set's owner or an administrator grants,
 * lists and revokes them. As in {@link CohortService}, another user's set answers exactly as an absent one.
 */
@ApplicationScoped
public class SetGrantService {

    private LongFunction<Optional<String>> patientSetOwner;
    private Function<String, Optional<AppMode>> appModes;
    private SetGrantStore store;
    private Clock clock;

    /** For CDI's client proxy only. */
    protected SetGrantService() {
    }

    @Inject
    public SetGrantService(Provider<CohortRuns> runs, AppRepository apps, SetGrantStore store) {
        this(resultId -> runs.get().store().resultById(resultId)
                        .filter(r -> r.type() == ResultType.PATIENTSET)
                        .flatMap(r -> runs.get().store().ownerOfResult(resultId)),
                appId -> apps.find(appId).map(app -> app.mode()), store, Clock.systemUTC());
    }

    /**
     * @param patientSetOwner who ran the query that made the patient set, empty when there is no such patient set
     * @param appModes        the mode of each installed app
     */
    public SetGrantService(LongFunction<Optional<String>> patientSetOwner,
                           Function<String, Optional<AppMode>> appModes, SetGrantStore store, Clock clock) {
        this.patientSetOwner = patientSetOwner;
        this.appModes = appModes;
        this.store = store;
        this.clock = clock;
    }

    public SetGrant grant(Granter granter, long resultId, String appId) {
        mayManage(granter, resultId);
        AppMode mode = appModes.apply(appId).orElseThrow(() -> new CodedException(ErrorKind.NOT_FOUND,
                "APP_NOT_FOUND", "no app " + appId + " is installed"));
        if (!mode.runsWithoutUser()) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "APP_NOT_BACKGROUND", "only background and helper apps"
                    + " can be granted a patient set; " + appId + " is a " + mode.name().toLowerCase(Locale.ROOT) + " app");
        }
        return store.grant(resultId, appId, granter.name(), clock.instant());
    }

    public void revoke(Granter granter, long resultId, String appId) {
        mayManage(granter, resultId);
        if (!store.revoke(resultId, appId, granter.name(), clock.instant())) {
            throw new CodedException(ErrorKind.NOT_FOUND, "GRANT_NOT_FOUND", "app " + appId
                    + " has no grant on patient set " + resultId);
        }
    }

    public List<SetGrant> grantsOf(Granter granter, long resultId) {
        mayManage(granter, resultId);
        return store.grantsOf(resultId);
    }

    private void mayManage(Granter granter, long resultId) {
        boolean found = patientSetOwner.apply(resultId).map(owner -> granter.admin() || owner.equals(granter.name()))
                .orElse(false);
        if (!found) {
            throw new RunException(RunException.Code.SET_NOT_FOUND, "no patient set " + resultId
                    + (granter.admin() ? "" : " of yours"));
        }
    }
}
