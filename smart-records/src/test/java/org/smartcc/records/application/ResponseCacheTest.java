package org.smartcc.records.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ResponseCacheTest {

    private static ResponseCache.Entry body(int size) {
        return new ResponseCache.Entry(new byte[size], "application/rdf+xml");
    }

    @Test
    void aNewRecordVersionMissesAndOldEntriesAgeOut() {
        ResponseCache cache = new ResponseCache(10_000);
        cache.put(new ResponseCache.Key("v1", "GET /records/1/medications/"), body(1000));
        assertNotNull(cache.get(new ResponseCache.Key("v1", "GET /records/1/medications/")));
        assertNull(cache.get(new ResponseCache.Key("v2", "GET /records/1/medications/")));
        for (int i = 0; i < 20; i++) {
            cache.put(new ResponseCache.Key("v2", "GET /records/" + i + "/problems/"), body(1000));
        }
        assertNull(cache.get(new ResponseCache.Key("v1", "GET /records/1/medications/")), "least recently used");
        assertNotNull(cache.get(new ResponseCache.Key("v2", "GET /records/19/problems/")));
    }

    @Test
    void responsesTooLargeForTheCacheAreNotKeptAndZeroTurnsItOff() {
        ResponseCache cache = new ResponseCache(10_000);
        cache.put(new ResponseCache.Key("v1", "big"), body(5_000));
        assertNull(cache.get(new ResponseCache.Key("v1", "big")));
        ResponseCache off = new ResponseCache(0);
        off.put(new ResponseCache.Key("v1", "small"), body(1));
        assertNull(off.get(new ResponseCache.Key("v1", "small")));
        assertEquals(false, off.enabled());
    }
}
