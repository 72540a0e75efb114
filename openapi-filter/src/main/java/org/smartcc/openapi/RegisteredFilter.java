package org.smartcc.openapi;

import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The filter {@code mp.openapi.filter} names: it hands the whole document to the filter the API server registers as
 * it starts. Payara loads the named class once per web module, with that module's class loader, but reads one
 * configuration for a whole EAR, so the launcher's module gets the same name; the API server's own filter is a class
 * of its WAR, which the launcher cannot load (a warning at every deployment). This class is in a library that every
 * module sees: the EAR's {@code lib/}, or the API server's {@code WEB-INF/lib} in the embedded run.
 */
public final class RegisteredFilter implements OASFilter {

    private static final AtomicReference<OASFilter> REGISTERED = new AtomicReference<>();

    /**
     * The filter of the application that starts: Payara builds the document at the first request for it, after the
     * deployment, and keeps it.
     */
    public static void register(OASFilter filter) {
        REGISTERED.set(filter);
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        OASFilter filter = REGISTERED.get();
        if (filter != null) {
            filter.filterOpenAPI(document);
        }
    }
}
