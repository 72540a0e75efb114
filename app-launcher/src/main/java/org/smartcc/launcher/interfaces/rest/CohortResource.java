package org.smartcc.launcher.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.smartcc.launcher.domain.Caller;
import org.smartcc.launcher.domain.LauncherException;

/** {@code /ui/cohort/...}: the API server's cohort calls (docs/cohort-ui.md) as the signed-in researcher. */
@Path("cohort/{path: .*}")
@RequestScoped
public class CohortResource extends ActingUserPassthrough {

    public CohortResource() {
        super("cohort");
    }

    @Override
    void checkMayCall(Caller user) {
        if (!user.isResearcher() && !user.isAdmin()) {
            throw new LauncherException(403, "FORBIDDEN_NOT_RESEARCHER", "cohorts need the researcher role");
        }
    }
}
