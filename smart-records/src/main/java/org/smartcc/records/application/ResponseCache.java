package org.smartcc.records.application;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serialized record responses, least recently used first out, bounded by their total size. Keys carry the record's
 * version ({@link RecordReader#recordVersion}), so a changed record is never answered from here: its new version
 * misses and its old entries age out. A hit's {@code api:processingTimeMs} is that of the computation that made it.
 */
public final class ResponseCache {

    /** What identifies a response: the request as normalized by the caller, and the record's version. */
    public record Key(String recordVersion, String request) {
    }

    /** A cached body (never modified once cached) and its content type. */
    public record Entry(byte[] body, String contentType) {
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    /** @param maxBytes 0 turns the cache off */
    public ResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public synchronized Entry get(Key key) {
        Entry e = entries.get(key);
        if (e == null) {
            misses++;
        } else {
            hits++;
        }
        return e;
    }

    /** Keeps a response unless it alone would take more than a quarter of the cache. */
    public synchronized void put(Key key, Entry entry) {
        long size = size(key, entry);
        if (size > maxBytes / 4) {
            return;
        }
        Entry old = entries.put(key, entry);
        if (old != null) {
            bytes -= size(key, old);
        }
        bytes += size;
        for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
            Map.Entry<Key, Entry> eldest = it.next();
            bytes -= size(eldest.getKey(), eldest.getValue());
            it.remove();
        }
    }

    /** The body, the key's characters and some overhead per entry. */
    private static long size(Key key, Entry entry) {
        return entry.body().length + (key.request().length() + key.recordVersion().length()) * 2L + 96;
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    /** Hits, misses and bytes held, for the status page. */
    public synchronized String stats() {
        return "hits=" + hits + " misses=" + misses + " bytes=" + bytes + " entries=" + entries.size();
    }
}
