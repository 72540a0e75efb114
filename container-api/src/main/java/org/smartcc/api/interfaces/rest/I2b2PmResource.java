package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.smartcc.api.application.I2b2Sessions;
import org.smartcc.api.domain.Researcher;
import org.smartcc.engine.privacy.PrivacySettings;

/**
 * i2b2's PM cell, as much of it as a client needs to log in ({@code getServices} with
 * {@code get_user_configuration}): the user, their one project with their roles in i2b2's terms, and the addresses of
 * the CRC, ONT and WORK cells of this server. The password of the answer is a session token ({@link I2b2Sessions}),
 * which the client sends instead of the password from then on; a login with a token (i2b2's clients re-read their
 * configuration with it) answers the same token.
 */
@Path(I2b2PmResource.PATH)
@I2b2MessageLogin
@RequestScoped
public class I2b2PmResource {

    static final String PATH = I2b2Cells.BASE + "PMService";
    /** The one project of this container; its path is what the cells' {@code project_path} names. */
    static final String PROJECT = "SMARTCC";

    /** i2b2's data roles from the least to the most revealing: each one includes those before it. */
    static final List<String> DATA_ROLES = List.of("DATA_OBFSC", "DATA_AGG", "DATA_LDS", "DATA_DEID", "DATA_PROT");

    @Inject
    I2b2Inbox inbox;
    @Inject
    I2b2Sessions sessions;
    @Inject
    PrivacySettings privacy;
    @Context
    UriInfo uri;

    @POST
    @Path("getServices")
    @Consumes(I2b2Cells.MESSAGE_TYPES)
    @Produces(MediaType.APPLICATION_XML)
    public String getServices(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type) {
        I2b2Inbox.Message message = inbox.read(body, type);
        if (message.text("get_user_configuration").isEmpty()) {
            throw I2b2Cells.notServed("this PM request", "get_user_configuration");
        }
        Researcher researcher = message.researcher();
        String token = message.byToken() ? message.password() : sessions.open(researcher);
        String domain = message.domain().isEmpty() ? "SMARTCC" : message.domain();
        StringBuilder b = new StringBuilder("<ns4:configure xmlns:ns4=\"http://www.i2b2.org/xsd/cell/pm/1.1/\">")
                .append("<environment>PRODUCTION</environment><user><full_name>")
                .append(I2b2Messages.escape(researcher.user())).append("</full_name><user_name>")
                .append(I2b2Messages.escape(researcher.user())).append("</user_name>")
                .append("<password token_ms_timeout=\"").append(I2b2Sessions.TIMEOUT.toMillis())
                .append("\" is_token=\"true\">").append(token).append("</password><domain>")
                .append(I2b2Messages.escape(domain)).append("</domain><is_admin>false</is_admin><project id=\"")
                .append(PROJECT).append("\"><name>SMART Cohort Container</name><path>/").append(PROJECT)
                .append("</path>");
        roles(researcher.roles()).forEach(r -> b.append("<role>").append(r).append("</role>"));
        b.append("</project></user><domain_name>").append(I2b2Messages.escape(domain))
                .append("</domain_name><active>true</active><cell_datas>");
        cell(b, "CRC", "Data Repository", I2b2QueryToolResource.CELL);
        cell(b, "ONT", "Ontology Cell", I2b2OntologyResource.PATH);
        cell(b, "WORK", "Workplace Cell", I2b2WorkplaceResource.PATH);
        return I2b2Messages.cellDone(b.append("</cell_datas></ns4:configure>").toString());
    }

    /**
     * The user's roles in i2b2's terms: USER and DATA_OBFSC (i2b2's client does not start without it); for a user
     * the container shows exact counts, also DATA_AGG (without it the client shows every count as N±3) and the data
     * roles up to the highest one the user holds. Counts are protected by the container whatever the client shows.
     */
    List<String> roles(Set<String> held) {
        int highest = 0;
        if (privacy.seesExactCounts(held)) {
            highest = 1;
            for (int i = 0; i < DATA_ROLES.size(); i++) {
                if (held.contains(DATA_ROLES.get(i))) {
                    highest = Math.max(highest, i);
                }
            }
        }
        List<String> roles = new ArrayList<>(List.of("USER"));
        roles.addAll(DATA_ROLES.subList(0, highest + 1));
        return roles;
    }

    private void cell(StringBuilder b, String id, String name, String path) {
        b.append("<cell_data id=\"").append(id).append("\"><name>").append(name).append("</name><url>")
                .append(I2b2Messages.escape(uri.getBaseUriBuilder().path(path).build() + "/"))
                .append("</url><project_path>/</project_path><method>REST</method><can_override>true</can_override>"
                        + "</cell_data>");
    }
}
