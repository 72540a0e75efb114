package org.smartcc.store;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a server fault (a failed request of the API, a failed cohort run) under a new incident id that the answer
 * repeats, so that the two can be matched. Only the classes and stack frames are logged: messages may carry patient
 * data, query values or whole analysed plans with every concept code, so none is written, not even of the causes.
 */
public final class Incidents {

    private static final Logger LOG = Logger.getLogger(Incidents.class.getName());
    /** Enough to reach the root of any real cause chain, and a bound on a pathological one. */
    private static final int MAX_CAUSES = 20;

    private Incidents() {
    }

    /**
     * Logs the fault and returns its incident id.
     *
     * @param what what failed, e.g. {@code cohort run 12}; it is logged, so it must hold no patient data either
     */
    public static String log(String what, Throwable fault) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + ": " + what + " failed: " + fault.getClass().getName(),
                withoutMessages(fault));
        return incident;
    }

    /** A copy of the throwable and its causes that keeps each class name and stack trace, and no message. */
    static Throwable withoutMessages(Throwable fault) {
        return copy(fault, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable copy(Throwable fault, Set<Throwable> seen) {
        seen.add(fault);
        Throwable cause = fault.getCause();
        Throwable copiedCause = cause == null || seen.contains(cause) || seen.size() > MAX_CAUSES ? null
                : copy(cause, seen);
        Redacted copy = new Redacted(fault.getClass().getName(), copiedCause);
        copy.setStackTrace(fault.getStackTrace());
        return copy;
    }

    /** Stands for a throwable in the log: its message is the original's class name. */
    static final class Redacted extends Throwable {

        Redacted(String className, Throwable cause) {
            super(className, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
