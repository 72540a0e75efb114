package org.smartcc.api.interfaces.openapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.smartcc.api.interfaces.rest.ContainerApplication;
import org.smartcc.api.interfaces.rest.ResourceRoutes;
import org.smartcc.openapi.RegisteredFilter;
import org.smartcc.records.RecordApi;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.ApiCallTable;
import org.smartcc.records.domain.Cardinality;
import org.smartcc.store.SmartOntology;

/**
 * Completes the document Payara generates from the resources' annotations ({@code mp.openapi.filter}): the SMART
 * record calls are routed from the ontology's call table through one catch-all resource, so the scan sees one path
 * ({@code /records/{path}}) where there are dozens; that path is replaced by one operation per call of the table.
 * A resource method the scan missed is added from {@link ResourceRoutes} too, and the two ways of signing in (OAuth
 * 1.0a signatures, RFC 5849, and HTTP Basic) are named as security schemes. The API server registers it as it starts
 * ({@link RegisteredFilter}, the class configuration names); on Payara Server the launcher's module of the EAR reads
 * the same configuration, and its document, which holds none of the catch-all paths, is left as it is.
 */
public class CompleteDocument implements OASFilter {

    static final String OAUTH1 = "oauth1";
    static final String BASIC = "basic";

    /** Registers the filter once the API server's CDI container is up, before anyone can ask for /openapi. */
    @ApplicationScoped
    static class Registration {
        void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
            RegisteredFilter.register(new CompleteDocument());
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        Set<Class<?>> classes = new ContainerApplication().getClasses();
        ApiCallTable calls = RecordApi.callTable(SmartOntology.shared());
        Set<String> catchAll = ResourceRoutes.catchAllTemplates(classes);
        Paths paths = document.getPaths();
        // the document of another web module that reads the same configuration (the EAR's launcher)
        if (paths == null || paths.getPathItems() == null || paths.getPathItems().keySet().stream()
                .map(ResourceRoutes::withoutPatterns).noneMatch(catchAll::contains)) {
            return;
        }
        SortedSet<ResourceRoutes.Route> routes = ResourceRoutes.of(classes, calls);
        asServed(paths, routes.stream().map(ResourceRoutes.Route::path).collect(Collectors.toSet()));
        catchAll.forEach(paths::removePathItem);
        for (ResourceRoutes.Route route : routes) {
            add(paths, route.method(), route.path(), route.call() == null ? resourceOperation() : recordOperation(
                    route.call()));
        }
        if (document.getInfo() != null) {
            document.getInfo().title("SMART Cohort Container API").description("The classic SMART REST API (0.6.1) "
                    + "with its OAuth 1.0a provider, the cohort and population calls and i2b2's PM, ontology, "
                    + "query tool and workplace cells (docs/api.md).");
        }
        if (document.getComponents() == null) {
            document.setComponents(OASFactory.createComponents());
        }
        document.getComponents()
                .addSecurityScheme(OAUTH1, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("OAuth").description("OAuth 1.0a (RFC 5849), HMAC-SHA1 signed requests: a SMART "
                                + "app's consumer key and secret, with an access token for record calls"))
                .addSecurityScheme(BASIC, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("basic").description("HTTP Basic: the admin user on /admin/..., cohort users on "
                                + "the cohort API"));
    }

    /**
     * Moves the generated paths to the templates the routes have: Payara keeps a variable's pattern in the path
     * ({@code /records/{path: .+}}), where OpenAPI names the variable only, and drops the trailing slash that the SMART
     * paths have ({@code /capabilities/}); operations are merged with what the template has already.
     */
    private static void asServed(Paths paths, Set<String> served) {
        for (String path : Set.copyOf(paths.getPathItems().keySet())) {
            String plain = ResourceRoutes.withoutPatterns(path);
            String template = !served.contains(plain) && served.contains(plain + "/") ? plain + "/" : plain;
            if (!template.equals(path)) {
                PathItem item = paths.getPathItem(path);
                paths.removePathItem(path);
                item.getOperations().forEach((verb, operation) -> add(paths, verb.name(), template, operation));
            }
        }
    }

    private static Operation resourceOperation() {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("default",
                OASFactory.createAPIResponse().description("the answer, or an error {code, message}")));
    }

    /** Adds an operation unless the path already has one for the method. */
    private static void add(Paths paths, String method, String path, Operation operation) {
        PathItem item = paths.getPathItem(path);
        if (item == null) {
            item = OASFactory.createPathItem();
            paths.addPathItem(path, item);
        }
        PathItem.HttpMethod verb = PathItem.HttpMethod.valueOf(method);
        if (item.getOperations() == null || !item.getOperations().containsKey(verb)) {
            item.setOperation(verb, operation);
        }
    }

    private static Operation recordOperation(ApiCall call) {
        Operation operation = OASFactory.createOperation().operationId(call.name())
                .summary(call.name() + " (SMART " + call.category().name().toLowerCase(Locale.ROOT) + " call"
                        + (call.targetClass() == null ? "" : ", sp:" + call.targetClass()) + ")")
                .addTag("SMART record calls")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(OAUTH1))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("RDF/XML by default; Turtle or JSON-LD on request")));
        for (String variable : call.path().variables()) {
            operation.addParameter(parameter(variable, Parameter.In.PATH).required(true));
        }
        Set<String> query = new java.util.LinkedHashSet<>(call.parameters());
        call.filters().forEach(filter -> query.add(filter.parameter()));
        if (call.cardinality() == Cardinality.MULTIPLE && call.httpMethod().equals("GET")) {
            query.addAll(java.util.List.of("limit", "offset"));
        }
        query.forEach(name -> operation.addParameter(parameter(name, Parameter.In.QUERY)));
        return operation;
    }

    private static Parameter parameter(String name, Parameter.In in) {
        return OASFactory.createParameter().name(name).in(in)
                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
    }
}
