package org.smartcc.api.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.smartcc.api.application.I2b2Sessions;
import org.smartcc.api.application.LoginAudit;
import org.smartcc.api.application.ResearcherLogins;
import org.smartcc.api.domain.Researcher;
import org.smartcc.api.infrastructure.CohortUsers;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.i2b2.XmlElements;
import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;
import org.w3c.dom.Element;

/**
 * Reads the messages of all i2b2 cells: the body as XML, or form-encoded as i2b2's web client posts it when it calls
 * the cells directly; then the login of its {@code security} element ({@link I2b2Login}), before anything else of the
 * message is parsed; then the message. The login is the password of a cohort user or of a launcher user who may use the
 * cohort calls ({@link ResearcherLogins}), or a session token of the PM cell ({@link I2b2Sessions}), which the client
 * re-sends in every message after its login.
 */
@ApplicationScoped
public class I2b2Inbox {

    /** i2b2's public demo user logs in to this domain only, as on i2b2's own demo server. */
    static final String DEMO_DOMAIN = "i2b2demo";

    @Inject
    ResearcherLogins researchers;
    @Inject
    LoginAudit logins;
    @Inject
    I2b2Sessions sessions;

    /** A message whose caller logged in: who, with what (a token or a password), and the parsed message. */
    record Message(Researcher researcher, boolean byToken, String password, String domain, Element root,
                   byte[] body) {

        /** The project the message names ({@code message_header/project_id}); i2b2 test messages name theirs. */
        String project() {
            return XmlElements.find(root, "project_id").map(e -> e.getTextContent().trim()).filter(p -> !p.isEmpty())
                    .orElse(I2b2PmResource.PROJECT);
        }

        /** The trimmed text of the first element of that name, if the message has one. */
        Optional<String> text(String element) {
            return XmlElements.find(root, element).map(e -> e.getTextContent().trim());
        }
    }

    /** Reads, logs in and parses; refusals are thrown and answered in i2b2's envelope ({@link ErrorMappers}). */
    Message read(InputStream stream, String contentType) {
        byte[] body;
        try {
            body = xmlOf(stream.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new CodedException(ErrorKind.INVALID_INPUT, "MESSAGE_UNREADABLE", "the message could not be read", e);
        }
        I2b2Login.Credentials login = I2b2Login.read(new ByteArrayInputStream(body)).orElseThrow(() ->
                CohortAuth.refused("_CREDENTIALS_MISSING", "the message has no message_header/security element"));
        boolean byToken = I2b2Sessions.isToken(login.password());
        Researcher researcher = byToken ? byToken(login) : byPassword(login);
        Element root = XmlElements.parse(new ByteArrayInputStream(body)).getDocumentElement();
        return new Message(researcher, byToken, login.password(), login.domain(), root, body);
    }

    private Researcher byToken(I2b2Login.Credentials login) {
        return sessions.researcher(login.password(), login.username()).orElseThrow(() -> {
            LoginRefused refused = CohortAuth.refused("_SESSION_EXPIRED", "the session has expired: log in again");
            logins.refused(null, "i2b2", refused.code());
            return refused;
        });
    }

    private Researcher byPassword(I2b2Login.Credentials login) {
        if (login.username().equals(CohortUsers.DEMO_USER) && !login.domain().equals(DEMO_DOMAIN)) {
            throw CohortAuth.refused("_CREDENTIALS_WRONG", "i2b2's demo user logs in to the domain " + DEMO_DOMAIN);
        }
        return researchers.byPassword(login.username(), login.password(), "i2b2").orElseThrow(() ->
                CohortAuth.refused("_CREDENTIALS_WRONG", "wrong user or password"));
    }

    /**
     * The XML of a body. i2b2's web client posts its XML as it is under the form content type (jQuery's default), so
     * only a form body that does not start with markup is URL-decoded.
     */
    static byte[] xmlOf(byte[] body, String contentType) {
        boolean form = contentType != null && contentType.trim().toLowerCase(Locale.ROOT)
                .startsWith(MediaType.APPLICATION_FORM_URLENCODED);
        if (!form || startsWithMarkup(body)) {
            return body;
        }
        try {
            return URLDecoder.decode(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new QueryDefinitionException("message", "a form-encoded body that is not URL-encoded XML");
        }
    }

    private static boolean startsWithMarkup(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '<';
            }
        }
        return true;
    }
}
