package org.smartcc.api.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smartcc.engine.query.QueryDefinitionException;

/** The login of an i2b2 message is read before, and without, the rest of the message. */
class I2b2LoginTest {

    static final String HEADER = "<ns6:request xmlns:ns6=\"http://www.i2b2.org/xsd/hive/msg/1.1/\"><message_header>"
            + "<sending_application><application_name>i2b2</application_name></sending_application><security>"
            + "<domain>i2b2demo</domain><username>demo</username><password is_token=\"false\"> demouser </password>"
            + "</security><message_type/></message_header><message_body>";

    @Test
    void readsI2b2sOwnTestMessage() throws Exception {
        Path file = Path.of(System.getProperty("smartcc.shared.dir", "../../shared"), "cohort-data", "i2b2-crc-testfiles",
                "setfinder_paneltiming_same_[133].xml");
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals(Optional.of(new I2b2Login.Credentials("i2b2demo", "demo", "demouser")), I2b2Login.read(in));
        }
    }

    @Test
    void stopsAtTheEndOfTheSecurityElementOfAMessageThatNeverEnds() {
        CountingEndlessBody body = new CountingEndlessBody();
        InputStream message = new SequenceInputStream(
                new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)), body);
        assertEquals("demouser", I2b2Login.read(message).orElseThrow().password());
        assertTrue(body.read < 64 * 1024, body.read + " bytes of the body were read");
    }

    @Test
    void aHeaderWithoutSecurityHasNoLogin() {
        String message = "<request><message_header><x/></message_header><message_body><security><username>demo"
                + "</username></security></message_body></request>";
        assertEquals(Optional.empty(), I2b2Login.read(stream(message)), "a security element in the body is no login");
        assertEquals(Optional.empty(), I2b2Login.read(stream("<request/>")));
    }

    @Test
    void refusesDoctypesDeepNestingAndBrokenXml() {
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<request><message_header><security><username>&x;</username></security></message_header></request>";
        assertThrows(QueryDefinitionException.class, () -> I2b2Login.read(stream(doctype)));
        String deep = "<a>".repeat(I2b2Login.MAX_DEPTH + 1);
        QueryDefinitionException tooDeep = assertThrows(QueryDefinitionException.class,
                () -> I2b2Login.read(stream(deep)));
        assertTrue(tooDeep.getMessage().contains("nest"), tooDeep.getMessage());
        QueryDefinitionException broken = assertThrows(QueryDefinitionException.class,
                () -> I2b2Login.read(stream("<request><message_header></request>")));
        assertTrue(broken.getMessage().contains("not well-formed XML"), broken.getMessage());
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A message body of comments without end, counting what was read of it. */
    private static final class CountingEndlessBody extends InputStream {

        private static final byte[] COMMENT = "<!-- padding -->".getBytes(StandardCharsets.US_ASCII);
        long read;

        @Override
        public int read() {
            return COMMENT[(int) (read++ % COMMENT.length)];
        }
    }
}
