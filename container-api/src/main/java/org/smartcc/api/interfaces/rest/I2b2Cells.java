package org.smartcc.api.interfaces.rest;

import org.smartcc.engine.query.QueryDefinitionException;

/** What the i2b2 cells of this server (PM, ONT, WORK and the CRC's query tool) share: where they live. */
final class I2b2Cells {

    /** The i2b2 cells' base path, as on an i2b2 server: {@code /i2b2/services/<cell>/}. */
    static final String BASE = "i2b2/services/";
    /**
     * The content types of i2b2 messages: XML, and the form type under which i2b2's web client posts its XML when it
     * calls the cells directly ({@link I2b2Inbox}).
     */
    static final String MESSAGE_TYPES = "application/xml, text/xml, text/plain, application/x-www-form-urlencoded";

    private I2b2Cells() {
    }

    /** Whether a path (relative to the API base) is one of an i2b2 cell, answered in i2b2's envelope. */
    static boolean isCellPath(String path) {
        return path.replaceFirst("^/", "").startsWith(BASE);
    }

    /** The refusal of a message that asks a cell for something it does not serve; names what it serves. */
    static QueryDefinitionException notServed(String what, String served) {
        return new QueryDefinitionException("message_body", "'" + what + "' is not served here; served: " + served);
    }
}
