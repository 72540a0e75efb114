package org.smartcc.oauth.internal.rfc5849;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.internal.protocol.Parameter;
import org.smartcc.oauth.internal.protocol.PercentEncoding;
import org.smartcc.oauth.internal.protocol.ProtocolParameters;

/**
 * Parses {@code Authorization: OAuth name="value", ...} (RFC 5849 §3.5.1; auth-param syntax of RFC 7235). Any input
 * ends in a {@link ProtocolParameters} or an {@link OAuthException}: the header comes straight from the network.
 *
 * <p>Values are percent-decoded strictly (a bad escape is an error) but characters that should have been encoded are
 * taken literally, because widespread clients (the SMART Python client among them) send signatures with raw
 * {@code +} and {@code /}.
 */
final class AuthorizationHeaderParser {

    /** Far above any real header; bounds the work done on hostile input. */
    static final int MAX_HEADER_LENGTH = 8192;
    /** The width of the nonce column. */
    static final int MAX_NONCE_LENGTH = 255;
    /** Epoch seconds fit in far fewer digits; more would overflow a long. */
    private static final int MAX_TIMESTAMP_DIGITS = 15;
    private static final String SCHEME = "oauth";
    private static final List<String> REQUIRED = List.of(ProtocolParameters.CONSUMER_KEY,
            ProtocolParameters.SIGNATURE_METHOD, ProtocolParameters.SIGNATURE, ProtocolParameters.TIMESTAMP,
            ProtocolParameters.NONCE);

    public ProtocolParameters parse(String header) {
        if (header == null || header.isBlank()) {
            throw new OAuthException(OAuthError.OAUTH_HEADER_MISSING, "the Authorization header is empty");
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw malformed("the header is longer than " + MAX_HEADER_LENGTH + " characters");
        }
        Cursor cursor = new Cursor(header);
        cursor.skipWhitespace();
        String scheme = cursor.token();
        if (!scheme.toLowerCase(Locale.ROOT).equals(SCHEME)) {
            throw new OAuthException(OAuthError.OAUTH_HEADER_MISSING,
                    "the Authorization header does not use the OAuth scheme");
        }
        if (!cursor.atEnd() && !cursor.skipWhitespace()) {
            throw malformed("the scheme OAuth must be followed by a space");
        }
        List<Parameter> parameters = parseParameters(cursor);
        validate(parameters);
        return new ProtocolParameters(parameters);
    }

    private static List<Parameter> parseParameters(Cursor cursor) {
        List<Parameter> parameters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (true) {
            cursor.skipWhitespace();
            if (cursor.atEnd()) {
                return parameters;
            }
            if (cursor.peek() == ',') {
                // empty list elements are allowed by the list syntax of RFC 7230 §7
                cursor.advance();
                continue;
            }
            String rawName = cursor.token();
            if (rawName.isEmpty()) {
                throw malformed("expected a parameter name at position " + cursor.position());
            }
            cursor.skipWhitespace();
            if (cursor.atEnd() || cursor.peek() != '=') {
                throw malformed("parameter " + printable(rawName) + " has no '=' and value");
            }
            cursor.advance();
            cursor.skipWhitespace();
            String rawValue = cursor.atEnd() || cursor.peek() != '"' ? cursor.token() : cursor.quotedString();
            String name = decode(rawName, "the name " + printable(rawName));
            String value = decode(rawValue, "the value of " + printable(name));
            if (!name.equals("realm")) {
                if (!names.add(name)) {
                    throw malformed("parameter " + printable(name) + " appears more than once");
                }
                parameters.add(new Parameter(name, value));
            }
            cursor.skipWhitespace();
            if (!cursor.atEnd()) {
                if (cursor.peek() != ',') {
                    throw malformed("expected ',' after parameter " + printable(name) + " at position "
                            + cursor.position());
                }
                cursor.advance();
            }
        }
    }

    private static void validate(List<Parameter> parameters) {
        Set<String> present = new HashSet<>();
        parameters.forEach(p -> present.add(p.name()));
        for (String required : REQUIRED) {
            if (!present.contains(required)) {
                throw malformed("required parameter " + required + " is missing");
            }
        }
        for (Parameter p : parameters) {
            switch (p.name()) {
                case ProtocolParameters.VERSION -> {
                    if (!p.value().equals("1.0")) {
                        throw malformed("oauth_version must be 1.0");
                    }
                }
                case ProtocolParameters.TIMESTAMP -> {
                    String ts = p.value();
                    if (ts.isEmpty() || ts.length() > MAX_TIMESTAMP_DIGITS
                            || !ts.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        throw malformed("oauth_timestamp must be a positive integer (seconds since 1970)");
                    }
                }
                case ProtocolParameters.NONCE -> {
                    if (p.value().isEmpty() || p.value().length() > MAX_NONCE_LENGTH) {
                        throw malformed("oauth_nonce must have 1 to " + MAX_NONCE_LENGTH + " characters");
                    }
                }
                case ProtocolParameters.CONSUMER_KEY, ProtocolParameters.SIGNATURE -> {
                    if (p.value().isEmpty()) {
                        throw malformed(p.name() + " is empty");
                    }
                }
                case ProtocolParameters.SIGNATURE_METHOD -> {
                    if (!p.value().equals("HMAC-SHA1")) {
                        throw new OAuthException(OAuthError.OAUTH_UNSUPPORTED_SIGNATURE_METHOD,
                                "only HMAC-SHA1 is supported, not " + printable(p.value()));
                    }
                }
                default -> {
                    // other oauth_* and extension parameters (smart_record_id, ...) are signed like any other
                }
            }
        }
    }

    private static String decode(String raw, String what) {
        String decoded = PercentEncoding.decode(raw)
                .orElseThrow(() -> malformed(what + " has an invalid percent-encoding"));
        if (decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw malformed(what + " contains control characters");
        }
        return decoded;
    }

    /** For messages: short, printable, so hostile input cannot forge log lines or bloat responses. */
    private static String printable(String text) {
        String shortened = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return "'" + shortened.replaceAll("[^\\x20-\\x7E]", "?") + "'";
    }

    private static OAuthException malformed(String what) {
        return new OAuthException(OAuthError.OAUTH_HEADER_MALFORMED, what);
    }

    /** A position in the header with the RFC 7230 token and quoted-string rules. */
    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            return text.charAt(position);
        }

        void advance() {
            position++;
        }

        int position() {
            return position;
        }

        /** @return whether any whitespace was skipped */
        boolean skipWhitespace() {
            int start = position;
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                position++;
            }
            return position > start;
        }

        String token() {
            int start = position;
            while (!atEnd() && isTokenChar(peek())) {
                position++;
            }
            return text.substring(start, position);
        }

        /** A quoted string without its quotes, backslash escapes resolved. */
        String quotedString() {
            StringBuilder value = new StringBuilder();
            position++;
            while (true) {
                if (atEnd()) {
                    throw malformed("a quoted value is not closed");
                }
                char c = text.charAt(position++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (atEnd()) {
                        throw malformed("a quoted value ends in a backslash");
                    }
                    c = text.charAt(position++);
                }
                value.append(c);
            }
        }

        private static boolean isTokenChar(char c) {
            return c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
    }
}
