package org.smartcc.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A fault is logged with its incident id, classes and stack frames, and none of the messages that may hold PHI. */
class IncidentsTest {

    @Test
    void theLogHasTheIncidentTheClassesAndTheStackButNoMessage() {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Incidents.class.getName());
        logger.addHandler(capture);
        Throwable cause = new IllegalStateException("concept \\\\i2b2\\\\Diagnoses\\\\Smith, Karen 1952-04-01");
        Error fault = new StackOverflowError("analysed plan: Filter (patient_num = 1234567)");
        fault.initCause(cause);
        try {
            String incident = Incidents.log("a request", fault);

            assertEquals(1, records.size());
            LogRecord record = records.get(0);
            assertTrue(record.getMessage().contains(incident), record.getMessage());
            assertTrue(record.getMessage().contains("java.lang.StackOverflowError"), record.getMessage());
            StringWriter logged = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(logged));
            String text = record.getMessage() + logged;
            assertFalse(text.contains("Karen") || text.contains("1234567"), text);
            assertTrue(text.contains("Caused by: java.lang.IllegalStateException"), text);
            assertArrayEquals(fault.getStackTrace(), record.getThrown().getStackTrace());
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        Throwable copy = Incidents.withoutMessages(a);
        assertEquals("java.lang.RuntimeException", copy.getCause().getMessage());
        assertEquals(null, copy.getCause().getCause());
    }
}
