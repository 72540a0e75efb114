package org.smartcc.api.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes what the producers opened, in the reverse order of opening, when the application stops. A resource is opened
 * after the resources it is built from, so the database, which everything uses, closes last, and the cohort runs still
 * write their last states into it. Disposer methods would not do: CDI sets no order between the beans of one context.
 */
@ApplicationScoped
public class OpenResources {

    private static final Logger LOG = Logger.getLogger(OpenResources.class.getName());

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** Registers a resource the moment it is opened and hands it back. */
    public synchronized <T extends AutoCloseable> T closeOnStop(T resource) {
        opened.push(resource);
        return resource;
    }

    @PreDestroy
    synchronized void closeAll() {
        while (!opened.isEmpty()) {
            AutoCloseable resource = opened.pop();
            try {
                resource.close();
            } catch (Exception e) { // one resource failing to close must not keep the database open
                LOG.log(Level.WARNING, "closing " + resource.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
