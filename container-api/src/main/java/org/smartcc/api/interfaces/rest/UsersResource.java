package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.application.UserRepository;
import org.smartcc.oauth.domain.User;
import org.smartcc.records.RdfFormat;
import org.smartcc.records.RdfSerializer;
import org.smartcc.records.SmartPrefixes;
import org.smartcc.records.domain.ErrorCode;
import org.smartcc.records.domain.RecordsException;
import org.smartcc.store.Vocab;

/**
 * Container users as RDF (smart-classic §2.6), for apps with a token a user approved (§4.8). Each user is an
 * {@code sp:User} with a {@code v:n} name as the ontology says, and also carries the reference server's {@code sp:user}
 * type, FOAF names and {@code foaf:mbox} (§11.7), which its clients read.
 */
@Path("users")
@RequestScoped
@SignedByApp
public class UsersResource {

    private static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";

    @Inject
    UserRepository users;
    @Inject
    OAuthProvider provider;
    @Inject
    ApiBases apiBases;
    @Inject
    Caller caller;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    /** Case-insensitive prefix match on every given field (ontology and reference parameter names). */
    @GET
    @Path("search")
    public Response search() {
        requireUserApproval();
        var query = uri.getQueryParameters();
        String given = first(query.getFirst("given_name"), query.getFirst("givenName"));
        String family = first(query.getFirst("family_name"), query.getFirst("familyName"));
        String department = query.getFirst("department");
        String role = query.getFirst("role");
        List<User> found = users.findAll().stream()
                .filter(u -> prefix(given, u.givenName()) && prefix(family, u.familyName())
                        && prefix(department, u.department()) && prefix(role, u.role()))
                .toList();
        return rdf(found);
    }

    @GET
    @Path("{user_id}")
    public Response user(@PathParam("user_id") String userId) {
        requireUserApproval();
        User user = users.find(userId).orElseThrow(() ->
                new RecordsException(ErrorCode.NOT_FOUND, "no user " + userId));
        return rdf(List.of(user));
    }

    /** Only for a token a user approved (smart-classic §4.8): the user list is no business of an app alone. */
    private void requireUserApproval() {
        provider.requireApprovedByUser(caller.app(), "the users API");
    }

    private Response rdf(List<User> users) {
        Model model = ModelFactory.createDefaultModel().setNsPrefixes(SmartPrefixes.MAP);
        String base = apiBases.of(uri);
        for (User user : users) {
            Resource r = model.createResource(base + "/users/" + URLEncoder.encode(user.id(), StandardCharsets.UTF_8))
                    .addProperty(RDF.type, model.createResource(Vocab.SP + "User"))
                    .addProperty(RDF.type, model.createResource(Vocab.SP + "user"))
                    .addProperty(model.createProperty(VCARD, "email"), user.id())
                    .addProperty(model.createProperty(FOAF, "mbox"), "mailto:" + user.id());
            Resource name = model.createResource().addProperty(RDF.type, model.createResource(VCARD + "Name"));
            r.addProperty(model.createProperty(VCARD, "n"), name);
            add(name, VCARD + "given-name", user.givenName());
            add(name, VCARD + "family-name", user.familyName());
            add(r, FOAF + "givenName", user.givenName());
            add(r, FOAF + "familyName", user.familyName());
            add(r, Vocab.SP + "department", user.department());
            add(r, Vocab.SP + "role", user.role());
        }
        RdfFormat format = RdfNegotiation.choose(headers.getAcceptableMediaTypes());
        return Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> RdfSerializer.write(model, format, out),
                format.mediaType()).build();
    }

    private static void add(Resource r, String property, String value) {
        if (value != null) {
            r.addProperty(r.getModel().createProperty(property), value);
        }
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static boolean prefix(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || actual != null
                && actual.toLowerCase(Locale.ROOT).startsWith(wanted.trim().toLowerCase(Locale.ROOT));
    }
}
