package org.smartcc.api.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every JAX-RS resource method of the API declares who may call it (an annotation on the method or its class) or is
 * on the short public list below: a method added without either fails here, naming it.
 */
class ResourceProtectionTest {

    /** Annotations that declare a protection: name-bound filters, and the two checks that live in the method. */
    static final Set<Class<? extends Annotation>> PROTECTIONS = Set.of(AdminOnly.class, LauncherOnly.class,
            CohortUser.class, SignedByApp.class, CohortUserOrApp.class, I2b2MessageLogin.class, SignedTokenRequest.class);

    /** Methods anyone may call, each with why (docs/security.md, "Who may call what"). */
    static final Set<String> PUBLIC = Set.of(
            // what the container is and serves: SMART clients read these before they have any credentials
            "ContainerResource.manifest", "ContainerResource.capabilities", "ContainerResource.version",
            "ContainerResource.ontology",
            // app manifests are public in SMART (smart-classic §5.1): the launcher and apps read them unsigned
            "AppManifestResource.manifests", "AppManifestResource.manifest",
            // state and aggregate counts only, no paths or patient data, for operators and health probes
            "StatusResource.status",
            // developer aid, answers only with smartcc.oauth.debug=true; shows the base string of the caller's own
            // request and verifies nothing
            "OAuthResource.debugGet", "OAuthResource.debugPost");
    // CORS preflights are answered by CorsFilter before matching and /health/* by MicroProfile Health: neither is a
    // resource method here.

    @Test
    void everyResourceMethodDeclaresItsProtectionOrIsPublic() {
        assertEquals(List.of(), unprotected(resourceClasses()), "resource methods that declare no protection ("
                + PROTECTIONS.stream().map(a -> "@" + a.getSimpleName()).sorted().collect(Collectors.joining(", "))
                + ") and are not on the public list");
    }

    @Test
    void aMethodWithoutProtectionIsNamed() {
        assertEquals(List.of("ResourceProtectionTest.Forgotten.open"), unprotected(List.of(Forgotten.class)));
    }

    @Test
    void everyPublicEntryIsAnUnprotectedResourceMethod() {
        Set<String> methods = new TreeSet<>();
        for (Class<?> resource : resourceClasses()) {
            resourceMethods(resource).stream().filter(m -> !protectedMethod(m)).map(ResourceProtectionTest::name)
                    .forEach(methods::add);
        }
        assertEquals(new TreeSet<>(PUBLIC), methods, "the public list names exactly the unprotected methods");
    }

    /** A name-bound protection does nothing unless its filter is registered: each has one in the application. */
    @Test
    void everyNameBoundProtectionHasItsFilterRegistered() {
        Set<Class<?>> registered = new ContainerApplication().getClasses();
        for (Class<? extends Annotation> protection : PROTECTIONS) {
            if (protection.isAnnotationPresent(NameBinding.class)) {
                assertTrue(registered.stream().anyMatch(c -> c.isAnnotationPresent(protection)
                        && jakarta.ws.rs.container.ContainerRequestFilter.class.isAssignableFrom(c)),
                        "no registered request filter carries @" + protection.getSimpleName());
            }
        }
    }

    private static List<Class<?>> resourceClasses() {
        List<Class<?>> resources = new ContainerApplication().getClasses().stream()
                .filter(c -> c.isAnnotationPresent(Path.class)).sorted(Comparator.comparing(Class::getName))
                .collect(Collectors.toCollection(ArrayList::new));
        assertTrue(resources.size() >= 10, "the application lists its resources: " + resources);
        return resources;
    }

    private static List<String> unprotected(List<Class<?>> resources) {
        List<String> found = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resourceMethods(resource)) {
                if (!protectedMethod(method) && !PUBLIC.contains(name(method))) {
                    found.add(name(method));
                }
            }
        }
        return found;
    }

    /** Resource methods (with an HTTP method annotation), inherited ones and those of sub-resources included. */
    private static List<Method> resourceMethods(Class<?> resource) {
        List<Method> methods = new ArrayList<>();
        collect(resource, methods, new java.util.HashSet<>());
        methods.sort(Comparator.comparing(ResourceProtectionTest::name));
        return methods;
    }

    private static void collect(Class<?> resource, List<Method> methods, Set<Class<?>> seen) {
        if (!seen.add(resource)) {
            return;
        }
        for (Method method : resource.getMethods()) {
            if (httpMethod(method)) {
                methods.add(method);
            } else if (method.isAnnotationPresent(Path.class)) {
                collect(method.getReturnType(), methods, seen); // a sub-resource locator
            }
        }
    }

    private static boolean httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    private static boolean protectedMethod(Method method) {
        return PROTECTIONS.stream().anyMatch(p -> method.isAnnotationPresent(p)
                || method.getDeclaringClass().isAnnotationPresent(p));
    }

    private static String name(Method method) {
        String owner = method.getDeclaringClass().getName();
        return owner.substring(owner.lastIndexOf('.') + 1).replace('$', '.') + "." + method.getName();
    }

    /** A resource someone forgot to protect. */
    @Path("forgotten")
    public static class Forgotten {
        @GET
        public String open() {
            return "";
        }
    }
}
