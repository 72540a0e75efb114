package org.smartcc.records.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently read statement blobs, least recently used evicted beyond a total size. H2 keeps each blob as a LOB and
 * reading twenty of them costs milliseconds, while the row keys beside them read in microseconds; a blob is therefore
 * kept under its row's identity including {@code import_date}, which changes whenever the loader replaces the record
 * (every row is deleted and written anew), so a stale blob is not served.
 */
final class BlobCache {

    /** A statement fact's identity as of its last write. */
    record Key(int patientNum, String concept, String id, int instanceNum, long importedAtNanos) {
    }

    private final long maxChars;
    private long chars;
    private final LinkedHashMap<Key, String> blobs = new LinkedHashMap<>(1024, 0.75f, true);

    BlobCache(long maxChars) {
        this.maxChars = maxChars;
    }

    synchronized String get(Key key) {
        return blobs.get(key);
    }

    synchronized void put(Key key, String blob) {
        String previous = blobs.put(key, blob);
        chars += blob.length() - (previous == null ? 0 : previous.length());
        var oldest = blobs.entrySet().iterator();
        while (chars > maxChars && oldest.hasNext()) {
            Map.Entry<Key, String> e = oldest.next();
            chars -= e.getValue().length();
            oldest.remove();
        }
    }
}
