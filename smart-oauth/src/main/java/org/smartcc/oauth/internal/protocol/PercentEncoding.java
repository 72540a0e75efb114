package org.smartcc.oauth.internal.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two encodings OAuth 1.0a deals with: RFC 5849 §3.6 percent-encoding (UTF-8, everything but RFC 3986
 * unreserved characters, upper-case hex) and application/x-www-form-urlencoded decoding of query strings and
 * bodies (RFC 5849 §3.4.1.3.1: '+' is a space there).
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** RFC 5849 §3.6 encoding, as used in the signature base string, the key and the Authorization header. */
    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** {@code name=value&...} with {@link #encode} applied to every name and value, for token responses. */
    public static String formEncode(List<Parameter> parameters) {
        return parameters.stream()
                .map(p -> encode(p.name()) + "=" + encode(p.value()))
                .collect(Collectors.joining("&"));
    }

    /**
     * Decodes an application/x-www-form-urlencoded string into its pairs, in order; empty segments are skipped,
     * a segment without '=' has an empty value. Empty if the input is not valid (a bad %-escape or not UTF-8).
     */
    public static Optional<List<Parameter>> formDecode(String encoded) {
        List<Parameter> parameters = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return Optional.of(parameters);
        }
        for (String segment : encoded.split("&", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            int eq = segment.indexOf('=');
            String rawName = eq < 0 ? segment : segment.substring(0, eq);
            String rawValue = eq < 0 ? "" : segment.substring(eq + 1);
            Optional<String> name = decode(rawName.replace('+', ' '));
            Optional<String> value = decode(rawValue.replace('+', ' '));
            if (name.isEmpty() || value.isEmpty()) {
                return Optional.empty();
            }
            parameters.add(new Parameter(name.get(), value.get()));
        }
        return Optional.of(parameters);
    }

    /**
     * Decodes %XX escapes as UTF-8 and keeps every other character as it is ('+' included). Empty if an escape is
     * incomplete or not hex, or the bytes are not UTF-8.
     */
    public static Optional<String> decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return Optional.of(encoded);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int hi = hexValue(encoded.charAt(i + 1));
                int lo = hexValue(encoded.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write((hi << 4) | lo);
                i += 3;
            } else {
                int end = i;
                while (end < encoded.length() && encoded.charAt(end) != '%') {
                    end++;
                }
                bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** ASCII hex only: {@link Character#digit} would also accept other scripts' digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
