package org.smartcc.api.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes that concurrent callers make one after the other, committed together: a caller whose item finds no write
 * under way writes every item waiting then (its own and those that came meanwhile) in one go, while later callers wait
 * for the next go. Each caller returns once the write that held its item has succeeded, and throws that write's
 * failure otherwise, so nothing is acknowledged before it is stored; what changes is that N concurrent items cost one
 * transaction instead of N. No thread of its own: the callers take turns.
 *
 * @param <T> the item, e.g. an audit event
 */
final class GroupCommit<T> {

    private final Consumer<List<T>> writeAll;
    private final Object lock = new Object();
    private List<Pending<T>> waiting = new ArrayList<>();
    private boolean writing;

    /** @param writeAll writes the items in one transaction, or throws and writes none */
    GroupCommit(Consumer<List<T>> writeAll) {
        this.writeAll = writeAll;
    }

    private static final class Pending<T> {
        final T item;
        boolean done;
        RuntimeException failure;

        Pending(T item) {
            this.item = item;
        }
    }

    /** Returns once {@code item} is written, or throws the failure of the write that held it. */
    void write(T item) {
        Pending<T> mine = new Pending<>(item);
        List<Pending<T>> batch;
        boolean interrupted = false;
        synchronized (lock) {
            waiting.add(mine);
            while (writing && !mine.done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the item is queued: it will be written, so wait for the outcome
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (mine.done) {
                rethrow(mine);
                return;
            }
            writing = true;
            batch = waiting;
            waiting = new ArrayList<>();
        }
        // an Error leaves the write unfinished: the batch then fails, and the next caller writes, rather than every
        // later caller waiting for a write that never ends
        RuntimeException failure = new IllegalStateException("the write was not completed");
        try {
            writeAll.accept(batch.stream().map(p -> p.item).toList());
            failure = null;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (lock) {
                for (Pending<T> p : batch) {
                    p.done = true;
                    p.failure = failure;
                }
                writing = false;
                lock.notifyAll();
            }
        }
        rethrow(mine);
    }

    /** Items waiting for the next write, for tests. */
    int queued() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    private static void rethrow(Pending<?> pending) {
        if (pending.failure != null) {
            throw pending.failure;
        }
    }
}
