package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import org.smartcc.api.domain.Researcher;
import org.smartcc.oauth.domain.OAuthPrincipal;

/**
 * Who is calling, as the authentication filter of the method's protection established it. Reading an identity that
 * no filter set is a bug in the resource (it reads what its annotation does not check), hence an exception.
 */
@RequestScoped
public class Caller {

    private OAuthPrincipal app;
    private Researcher researcher;

    /** The app, and its token if any, whose signature {@link SignedByAppFilter} verified. */
    public OAuthPrincipal app() {
        if (app == null) {
            throw new IllegalStateException("no verified signature: the resource method is not @SignedByApp");
        }
        return app;
    }

    /** The cohort user {@link CohortUserFilter} logged in. */
    public Researcher researcher() {
        if (researcher == null) {
            throw new IllegalStateException("no cohort user: the resource method is not @CohortUser");
        }
        return researcher;
    }

    /** Whether an app's signature was verified, rather than a cohort user logged in ({@link CohortUserOrApp}). */
    public boolean signedByApp() {
        return app != null;
    }

    public void signedBy(OAuthPrincipal verified) {
        this.app = verified;
    }

    public void loggedIn(Researcher loggedIn) {
        this.researcher = loggedIn;
    }
}
