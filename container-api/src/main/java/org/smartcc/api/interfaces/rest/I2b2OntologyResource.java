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
import java.util.List;
import java.util.Optional;
import org.smartcc.api.application.ConceptTreeService;
import org.smartcc.api.domain.Researcher;
import org.smartcc.engine.ConceptTree;

/**
 * i2b2's ontology cell over the concept tree of the latest snapshot ({@link ConceptTreeService}, which protects the
 * counts as the caller's roles say): categories, children, a term, searches by name and by code, each concept with
 * its {@code totalnum} ({@link I2b2Ontology}). The keys it hands out are item keys the engine resolves
 * ({@link I2b2Concepts}). There are no modifiers and no schemes to list: both answers are empty.
 */
@Path(I2b2OntologyResource.PATH)
@I2b2MessageLogin
@RequestScoped
public class I2b2OntologyResource {

    static final String PATH = I2b2Cells.BASE + "OntologyService";

    @Inject
    I2b2Inbox inbox;
    @Inject
    ConceptTreeService tree;

    @POST
    @Path("{operation}")
    @Consumes(I2b2Cells.MESSAGE_TYPES)
    @Produces(MediaType.APPLICATION_XML)
    public String operation(@PathParam("operation") String operation, InputStream body,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type) {
        I2b2Inbox.Message message = inbox.read(body, type);
        Researcher researcher = message.researcher();
        return new I2b2Ontology(new I2b2Ontology.Tree() {
            @Override
            public List<ConceptTree.Node> children(Optional<String> parent) {
                return tree.children(researcher, parent);
            }

            @Override
            public List<ConceptTree.Category> categories() {
                return tree.categories();
            }

            @Override
            public List<ConceptTree.Node> search(String text, int limit) {
                return tree.search(researcher, text, limit);
            }
        }).answer(operation, message);
    }
}
