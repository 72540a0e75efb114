package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * i2b2's workplace cell, as far as a client needs it to start: the caller's folders and the project's, which this
 * container does not keep, so both lists are empty (i2b2's web client shows an empty workplace). Other operations are
 * refused by name.
 */
@Path(I2b2WorkplaceResource.PATH)
@I2b2MessageLogin
@RequestScoped
public class I2b2WorkplaceResource {

    static final String PATH = I2b2Cells.BASE + "WorkplaceService";

    @Inject
    I2b2Inbox inbox;

    @POST
    @Path("{operation}")
    @Consumes(I2b2Cells.MESSAGE_TYPES)
    @Produces(MediaType.APPLICATION_XML)
    public String operation(@PathParam("operation") String operation, InputStream body,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type) {
        inbox.read(body, type);
        if (!operation.equals("getFoldersByUserId") && !operation.equals("getFoldersByProject")) {
            throw I2b2Cells.notServed(operation, "getFoldersByUserId, getFoldersByProject");
        }
        return I2b2Messages.cellDone("<ns4:folders xmlns:ns4=\"http://www.i2b2.org/xsd/cell/work/1.1/\"/>");
    }
}
