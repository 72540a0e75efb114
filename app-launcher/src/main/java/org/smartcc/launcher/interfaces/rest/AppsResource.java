package org.smartcc.launcher.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.smartcc.launcher.application.AppGallery;
import org.smartcc.launcher.domain.LauncherException;

/**
 * {@code GET /ui/apps}: the gallery; {@code GET /ui/apps?mode=background}: the background and helper apps (for
 * grants on patient sets).
 */
@Path("apps")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppsResource {

    @Inject
    AppGallery gallery;

    @GET
    public JsonArray apps(@QueryParam("mode") String mode) {
        if (mode == null) {
            return Json.createArrayBuilder(gallery.apps()).build();
        }
        if (!"background".equals(mode)) {
            throw LauncherException.invalidInput("MODE_INVALID", "mode is background or absent, not " + mode);
        }
        return Json.createArrayBuilder(gallery.backgroundApps()).build();
    }
}
