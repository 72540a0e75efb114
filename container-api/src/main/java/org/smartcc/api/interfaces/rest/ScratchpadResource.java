package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.smartcc.api.domain.AppDataKind;

/** The scratchpad per (record, app): any app with a token for the record reads, only the owning app writes. */
@Path("records/{record_id}/apps/{app_id}/scratchpad")
@RequestScoped
@SignedByApp
public class ScratchpadResource extends AppDataEndpoint {

    @GET
    public Response getScratchpad(@PathParam("record_id") String recordId, @PathParam("app_id") String appId) {
        requireRecord(recordId);
        return read(AppDataKind.SCRATCHPAD, recordId, appId);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response putScratchpad(@PathParam("record_id") String recordId, @PathParam("app_id") String appId,
                                  byte[] body) {
        requireOwnApp(requireRecord(recordId), appId);
        return write(AppDataKind.SCRATCHPAD, recordId, appId, body);
    }

    @DELETE
    public Response deleteScratchpad(@PathParam("record_id") String recordId, @PathParam("app_id") String appId) {
        requireOwnApp(requireRecord(recordId), appId);
        return delete(AppDataKind.SCRATCHPAD, recordId, appId);
    }
}
