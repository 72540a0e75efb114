package org.smartcc.api.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Bodies up to the limit pass unchanged; a larger one is refused, declared or not. */
class BodySizeLimitTest {

    static final BodySizeLimit.Limit TEN = new BodySizeLimit.Limit(10, "test.limit");

    @Test
    void aStreamUpToTheLimitReadsWholeAndOneByteMoreFails() throws IOException {
        byte[] ten = "0123456789".getBytes();
        try (InputStream in = new BodySizeLimit.Limited(new ByteArrayInputStream(ten), TEN)) {
            assertArrayEquals(ten, in.readAllBytes());
        }
        InputStream longer = new BodySizeLimit.Limited(new ByteArrayInputStream("0123456789A".getBytes()), TEN);
        BodySizeLimit.TooLarge e = assertThrows(BodySizeLimit.TooLarge.class, longer::readAllBytes);
        assertEquals(10, e.limit());
        InputStream byteByByte = new BodySizeLimit.Limited(new ByteArrayInputStream(new byte[3]),
                new BodySizeLimit.Limit(2, "test.limit"));
        byteByByte.read();
        byteByByte.read();
        assertThrows(BodySizeLimit.TooLarge.class, byteByByte::read);
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedBeforeReading() {
        assertTrue(BodySizeLimit.declaresMore("1025", 1024));
        assertFalse(BodySizeLimit.declaresMore("1024", 1024));
        assertFalse(BodySizeLimit.declaresMore(null, 1024));
        assertTrue(BodySizeLimit.declaresMore(" 99999999999999999999 ", 1024), "more than a long holds");
        assertFalse(BodySizeLimit.declaresMore("lots", 1024), "a malformed length is the server's to refuse");
    }
}
