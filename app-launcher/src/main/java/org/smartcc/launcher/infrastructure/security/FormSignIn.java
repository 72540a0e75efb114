package org.smartcc.launcher.infrastructure.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import org.smartcc.launcher.domain.Roles;

/**
 * The sign-in mechanism: the login page's form posts {@code j_security_check}, checked by {@link ApiIdentityStore}.
 * An {@code @OpenIdAuthenticationMechanismDefinition} can take this class's place: the pages and calls only read the
 * caller principal and its groups ({@link CallerIdentity}). The login page is reached by redirect, so that its
 * relative links resolve whatever protected address sent the browser there.
 */
@ApplicationScoped
@DeclareRoles({Roles.RESEARCHER, Roles.CLINICIAN, Roles.ADMIN})
@FormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/login.html", errorPage = "/login.html?error", useForwardToLogin = false))
public class FormSignIn {
}
