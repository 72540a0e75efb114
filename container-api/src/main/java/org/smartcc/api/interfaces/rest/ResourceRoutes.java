package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.smartcc.records.domain.ApiCall;
import org.smartcc.records.domain.ApiCallTable;

/**
 * The calls the application answers, as method and path template: its JAX-RS resources read by reflection, with the
 * ontology's record calls in place of the catch-all path that {@link RoutedByCallTable} routes. The OpenAPI document
 * is completed from it and the request metrics are tagged with its templates, never with a request's own path.
 */
public final class ResourceRoutes {

    /**
     * One call: {@code GET} and {@code /records/{record_id}/medications/}, with the ontology's call when the call table
     * routes it (null for a resource method of its own).
     */
    public record Route(String method, String path, ApiCall call) implements Comparable<Route> {
        @Override
        public int compareTo(Route other) {
            return Comparator.comparing(Route::path).thenComparing(Route::method).compare(this, other);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }

        /** Method and path with the variables' names left out: two routes of one shape answer the same requests. */
        String shape() {
            return method + " " + path.replaceAll("\\{[^}]*}", "{}");
        }
    }

    private ResourceRoutes() {
    }

    /**
     * Every route of the resource classes among {@code classes}, with the call table's calls that a catch-all routes
     * in its place; a call that a resource method of its own answers (the scratchpad) is that method's.
     */
    public static SortedSet<Route> of(Set<Class<?>> classes, ApiCallTable calls) {
        SortedSet<Route> own = new TreeSet<>();
        List<Route> routed = new ArrayList<>();
        for (Class<?> resource : classes) {
            if (!resource.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                httpMethod(method).ifPresent(verb -> {
                    String template = template(resource, method);
                    if (routedByCallTable(resource, method)) {
                        routedCalls(template, calls).stream().filter(c -> c.httpMethod().equals(verb))
                                .forEach(c -> routed.add(new Route(verb, c.path().template(), c)));
                    } else {
                        own.add(new Route(verb, template, null));
                    }
                });
            }
        }
        Set<String> shapes = own.stream().map(Route::shape).collect(Collectors.toSet());
        SortedSet<Route> routes = new TreeSet<>(own);
        routed.stream().filter(r -> !shapes.contains(r.shape())).forEach(routes::add);
        return routes;
    }

    /** The catch-all templates of the resource methods that {@link CallTableRouting} routes, e.g. {@code /records/{path}}. */
    public static Set<String> catchAllTemplates(Set<Class<?>> classes) {
        Set<String> templates = new TreeSet<>();
        for (Class<?> resource : classes) {
            if (resource.isAnnotationPresent(Path.class)) {
                for (Method method : resource.getMethods()) {
                    if (httpMethod(method).isPresent() && routedByCallTable(resource, method)) {
                        templates.add(template(resource, method));
                    }
                }
            }
        }
        return templates;
    }

    /** The calls of the table a catch-all template stands for: those whose path starts with its literal part. */
    public static List<ApiCall> routedCalls(String catchAll, ApiCallTable calls) {
        String prefix = catchAll.substring(0, catchAll.indexOf('{'));
        return calls.calls().stream().filter(c -> c.path().template().startsWith(prefix)).toList();
    }

    /** The path template of a resource method, from the root, each variable by its name alone. */
    public static String template(Class<?> resource, Method method) {
        String path = "/" + strip(resource.getAnnotation(Path.class).value());
        Path own = method.getAnnotation(Path.class);
        if (own != null && !strip(own.value()).isEmpty()) {
            path = path + (path.endsWith("/") ? "" : "/") + strip(own.value());
        }
        return withoutPatterns(path);
    }

    /** A path template with each variable by its name alone: {@code /{users: users|accounts}} is {@code /{users}}. */
    public static String withoutPatterns(String template) {
        return template.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }

    public static boolean routedByCallTable(Class<?> resource, Method method) {
        return resource.isAnnotationPresent(RoutedByCallTable.class)
                || method.isAnnotationPresent(RoutedByCallTable.class);
    }

    /** The HTTP method of a resource method, if it is one. */
    public static Optional<String> httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static String strip(String path) {
        return path.replaceFirst("^/+", "");
    }
}
