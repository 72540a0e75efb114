package org.smartcc.api.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.smartcc.api.application.Auditor;
import org.smartcc.api.domain.AuditEvent;
import org.smartcc.api.domain.AuditKind;

/**
 * {@link AdminOnly} calls that change something (every method but GET) go to the audit trail once answered, with the
 * administrator {@link AdminOnlyFilter} let in, the call's template with its ids filled in (a token in the path is
 * not: it is a credential), and the outcome: OK or the error code. One filter for every admin resource, so an admin
 * call added later is audited without code of its own.
 */
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminChangeAudit implements ContainerResponseFilter {

    /** The request property {@link AdminOnlyFilter} sets to the administrator's user id once the caller is let in. */
    static final String ADMIN = AdminChangeAudit.class.getName() + ".admin";
    /** Path parameters never written to the trail. */
    private static final String TOKEN = "token";

    /** Through a provider: JAX-RS creates its filters as it starts, before start-up has opened the store. */
    @Inject
    Provider<Auditor> auditor;
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object admin = request.getProperty(ADMIN);
        if (admin == null || HttpMethod.GET.equals(request.getMethod()) || resource.getResourceMethod() == null) {
            return; // refused before it was let in, or a read
        }
        MultivaluedMap<String, String> ids = request.getUriInfo().getPathParameters();
        AuditEvent event = auditor.get().event(AuditKind.ADMIN_CHANGE).user(admin.toString())
                .app(ids.getFirst("app_id")).record(ids.getFirst("recordId")).what(request.getMethod() + " "
                        + template(ids)).outcome(outcome(response));
        String set = ids.getFirst("id");
        auditor.get().record(set == null ? event : event.set(Long.valueOf(set)));
    }

    private String template(MultivaluedMap<String, String> ids) {
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod().getAnnotation(Path.class);
        String template = "/" + type.value() + (method == null ? "" : "/" + method.value());
        for (var id : ids.entrySet()) {
            if (!TOKEN.equals(id.getKey()) && !id.getValue().isEmpty()) {
                template = template.replace("{" + id.getKey() + "}", id.getValue().get(0));
            }
        }
        return template;
    }

    private static String outcome(ContainerResponseContext response) {
        if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
            return AuditEvent.OK;
        }
        return response.getEntity() instanceof ErrorResponse error ? error.code() : "HTTP " + response.getStatus();
    }
}
