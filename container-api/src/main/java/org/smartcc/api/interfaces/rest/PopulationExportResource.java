package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Files;
import org.smartcc.api.application.PopulationReads;
import org.smartcc.api.domain.ExportFile;
import org.smartcc.api.domain.PopulationExport;
import org.smartcc.api.infrastructure.population.PopulationExporter;
import org.smartcc.oauth.domain.OAuthPrincipal;

/**
 * An export's status or manifest, its files and its cancellation, for the app that started it, signed 2-legged, while
 * it still has its grant on the set. Another app's export answers as an absent one.
 */
@Path("cohort/exports/{export_id}")
@RequestScoped
@SignedByApp
public class PopulationExportResource {

    @Inject
    PopulationExporter exporter;
    @Inject
    PopulationReads reads;
    @Inject
    ApiBases apiBases;
    @Inject
    Caller caller;
    @Context
    UriInfo uri;

    @GET
    public Response status(@PathParam("export_id") String exportId) {
        PopulationExport export = granted(exportId);
        return PopulationExportViews.status(export, exporter.files(export), apiBases.of(uri));
    }

    /** A file of a done export, as written. */
    @GET
    @Path("files/{n}")
    public Response file(@PathParam("export_id") String exportId, @PathParam("n") int n) {
        PopulationExport export = granted(exportId);
        ExportFile file = exporter.file(export, n);
        java.nio.file.Path path = exporter.path(file);
        StreamingOutput body = out -> Files.copy(path, out);
        return Response.ok(body, file.format()).header("Content-Length", file.bytes()).build();
    }

    @DELETE
    public Response delete(@PathParam("export_id") String exportId) {
        exporter.cancel(granted(exportId));
        return Response.noContent().build();
    }

    private PopulationExport granted(String exportId) {
        OAuthPrincipal app = caller.app();
        PopulationExport export = exporter.find(app.appId(), exportId);
        reads.authorize(app, export.setId());
        return export;
    }
}
