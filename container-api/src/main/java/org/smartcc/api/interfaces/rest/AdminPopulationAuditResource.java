package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.smartcc.api.application.PopulationAudit;
import org.smartcc.api.domain.PopulationRead;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/** The audit of a patient set's population reads, oldest first, for an administrator ({@link AdminOnly}). */
@Path("admin/population-audit")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminPopulationAuditResource {

    @Inject
    PopulationAudit audit;

    /** One audited answer; {@code format} is the media type served, or the aggregate or export it was. */
    public record AuditedRead(String app_id, String granted_by, long set_id, String collection, String format,
                              long records, long statements, String at) {
    }

    @GET
    public List<AuditedRead> reads(@QueryParam("set") Long setId) {
        if (setId == null) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "SET_REQUIRED", "name the patient set: ?set={id}");
        }
        return audit.readsOf(setId).stream().map(AdminPopulationAuditResource::view).toList();
    }

    private static AuditedRead view(PopulationRead read) {
        return new AuditedRead(read.appId(), read.grantedBy(), read.setId(), read.collection(), read.kind(),
                read.records(), read.statements(), read.at().toString());
    }
}
