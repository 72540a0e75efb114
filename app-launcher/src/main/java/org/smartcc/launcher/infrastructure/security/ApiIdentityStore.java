package org.smartcc.launcher.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;
import org.smartcc.launcher.domain.Caller;
import org.smartcc.launcher.domain.LauncherException;
import org.smartcc.launcher.infrastructure.api.ApiClient;

/**
 * Checks a user name and password with the API server ({@code POST /oauth/internal/session_create}); the user's full
 * name is kept in the new session for the pages ({@link CurrentCaller}).
 */
@ApplicationScoped
public class ApiIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(ApiIdentityStore.class.getName());

    @Inject
    ApiClient api;
    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            Caller caller = CallerIdentity.fromApiUser(api.sessionCreate(password.getCaller(),
                    password.getPasswordAsString()));
            request.getSession(true).setAttribute(CurrentCaller.FULL_NAME, caller.fullName());
            return CallerIdentity.validationResult(caller);
        } catch (LauncherException e) {
            if ("LOGIN_FAILED".equals(e.code())) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            LOG.warning(() -> "sign-in could not be checked with the API server: " + e.code());
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }
}
