package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GroupCommitTest {

    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aLoneCallerWritesItsOwnItem() {
        GroupCommit<String> commit = new GroupCommit<>(batches::add);
        commit.write("a");
        commit.write("b");
        assertEquals(List.of(List.of("a"), List.of("b")), batches);
    }

    @Test
    void callersThatCameDuringAWriteAreWrittenTogetherAndEachWaitsForIt() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String> commit = new GroupCommit<>(items -> {
            if (items.contains("first")) {
                firstStarted.countDown();
                await(release);
            }
            batches.add(items);
        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Future<?> first = pool.submit(() -> commit.write("first"));
            firstStarted.await(10, TimeUnit.SECONDS);
            List<Future<?>> others = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String item = "e" + i;
                others.add(pool.submit(() -> commit.write(item)));
            }
            while (commit.queued() < 5) {
                Thread.sleep(5);
            }
            assertEquals(List.of(), batches, "nobody returns before the write under way ends");
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> other : others) {
                other.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, batches.size(), batches.toString());
        assertEquals(List.of("first"), batches.get(0));
        assertEquals(Set.of("e0", "e1", "e2", "e3", "e4"), new TreeSet<>(batches.get(1)));
    }

    @Test
    void aFailedWriteFailsEveryCallerWhoseItemItHeld() throws Exception {
        IllegalStateException broken = new IllegalStateException("the database is gone");
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String> commit = new GroupCommit<>(items -> {
            if (items.contains("first")) {
                firstStarted.countDown();
                await(release);
                return;
            }
            throw broken;
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = pool.submit(() -> commit.write("first"));
            firstStarted.await(10, TimeUnit.SECONDS);
            Future<?> a = pool.submit(() -> commit.write("a"));
            Future<?> b = pool.submit(() -> commit.write("b"));
            while (commit.queued() < 2) {
                Thread.sleep(5);
            }
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> failed : List.of(a, b)) {
                Exception e = assertThrows(Exception.class, () -> failed.get(10, TimeUnit.SECONDS));
                assertSame(broken, e.getCause());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(10) // without the reset, the next caller would wait for ever
    void anErrorInAWriteFailsItsBatchAndTheNextCallerWritesAgain() {
        GroupCommit<String> commit = new GroupCommit<>(items -> {
            if (items.contains("fatal")) {
                throw new StackOverflowError();
            }
            batches.add(items);
        });
        assertThrows(StackOverflowError.class, () -> commit.write("fatal"));
        commit.write("next");
        assertEquals(List.of(List.of("next")), batches);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
