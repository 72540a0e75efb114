package org.smartcc.launcher.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.smartcc.launcher.application.AppGallery;

/** {@code GET /ui/apps}: the gallery. */
@Path("apps")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppsResource {

    @Inject
    AppGallery gallery;

    @GET
    public JsonArray apps() {
        return Json.createArrayBuilder(gallery.apps()).build();
    }
}
