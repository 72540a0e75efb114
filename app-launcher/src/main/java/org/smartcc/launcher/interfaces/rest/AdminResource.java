package org.smartcc.launcher.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.smartcc.launcher.domain.Caller;
import org.smartcc.launcher.domain.LauncherException;

/**
 * {@code /ui/admin/...}: the API server's administration calls on behalf of the signed-in admin; web.xml already lets
 * only the admin role reach this.
 */
@Path("admin/{path: .*}")
@RequestScoped
public class AdminResource extends ActingUserPassthrough {

    public AdminResource() {
        super("admin");
    }

    @Override
    void checkMayCall(Caller user) {
        if (!user.isAdmin()) {
            throw new LauncherException(403, "FORBIDDEN_NOT_ADMIN", "the administration needs the admin role");
        }
    }
}
