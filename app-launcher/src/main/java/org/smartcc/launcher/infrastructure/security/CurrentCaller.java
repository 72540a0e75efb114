package org.smartcc.launcher.infrastructure.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.smartcc.launcher.domain.Caller;
import org.smartcc.launcher.domain.LauncherException;
import org.smartcc.launcher.domain.Roles;

/** The signed-in user of this request, from the container's caller principal and roles, whatever signed them in. */
@RequestScoped
public class CurrentCaller {

    static final String FULL_NAME = "smartcc.caller.full-name";

    @Inject
    HttpServletRequest request;

    public Caller get() {
        return of(request);
    }

    public static Caller of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw new LauncherException(401, "NOT_SIGNED_IN", "sign in first");
        }
        HttpSession session = request.getSession(false);
        Object fullName = session == null ? null : session.getAttribute(FULL_NAME);
        return new Caller(principal.getName(), fullName == null ? principal.getName() : fullName.toString(),
                Roles.ALL.stream().filter(request::isUserInRole).toList());
    }
}
