package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;
import org.smartcc.oauth.application.AppRepository;
import org.smartcc.oauth.domain.App;

/** The installed and enabled apps' manifests, as the apps supplied them (smart-classic §2.6, §5.1). */
@Path("apps")
@RequestScoped
public class AppManifestResource {

    @Inject
    AppRepository apps;

    @GET
    @Path("manifests/")
    @Produces(MediaType.APPLICATION_JSON)
    public String manifests() {
        return apps.findAll().stream().filter(App::enabled).map(App::manifestJson)
                .collect(Collectors.joining(",\n", "[", "]"));
    }

    @GET
    @Path("{app_id}/manifest")
    @Produces(MediaType.APPLICATION_JSON)
    public String manifest(@PathParam("app_id") String appId) {
        return apps.find(appId).filter(App::enabled).map(App::manifestJson)
                .orElseThrow(() -> new NotFoundException("no app " + appId));
    }
}
