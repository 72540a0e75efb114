package org.smartcc.api.application;

import org.smartcc.api.domain.AuditKind;

/**
 * Logins in the audit trail: the launcher's sign-ins, and refused credentials of any user (launcher users,
 * researchers, the administrator). A successful HTTP Basic check, made on every request, is not a login here: the
 * events of what the request then does name the user. A refused attempt names the user only when the name is a known
 * user's, since a mistyped name may be anything (a password typed in the wrong field).
 */
public final class LoginAudit {

    private final Auditor auditor;

    public LoginAudit(Auditor auditor) {
        this.auditor = auditor;
    }

    /** @param where what was signed in to, e.g. {@code launcher} */
    public void signedIn(String userId, String where) {
        auditor.record(auditor.event(AuditKind.LOGIN).user(userId).what(where));
    }

    /**
     * @param knownUserId the user tried, if a known one, else null
     * @param code        the refusal's error code
     */
    public void refused(String knownUserId, String where, String code) {
        auditor.record(auditor.event(AuditKind.LOGIN_FAILED).user(knownUserId).what(where).outcome(code));
    }
}
