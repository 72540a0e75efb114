package org.smartcc.records.application;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * Reads the N-Triples the store writes (one statement's RDF, written by Jena). A general parser checks every IRI and
 * sets up a pipeline per call, which costs more than the rest of a read; stored blobs are the container's own output,
 * so this reader only splits terms and undoes escapes. A blob it cannot read means the store is damaged.
 */
final class NTriplesReader {

    private final String text;
    private final UnaryOperator<Node> mapper;
    private int pos;

    private NTriplesReader(String text, UnaryOperator<Node> mapper) {
        this.text = text;
        this.mapper = mapper;
    }

    /** Reads every triple, passing each node through {@code mapper} (URI rewriting, blank node scoping). */
    static void read(String ntriples, UnaryOperator<Node> mapper, Consumer<Triple> sink) {
        new NTriplesReader(ntriples, mapper).readAll(sink);
    }

    private void readAll(Consumer<Triple> sink) {
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                return;
            }
            if (text.charAt(pos) == '#') {
                skipLine();
                continue;
            }
            Node s = term();
            skipSpace();
            Node p = term();
            skipSpace();
            Node o = term();
            skipSpace();
            expect('.');
            sink.accept(Triple.create(s, p, o));
        }
    }

    private Node term() {
        char c = peek();
        if (c == '<') {
            pos++;
            return mapper.apply(NodeFactory.createURI(until('>')));
        }
        if (c == '_') {
            expect('_');
            expect(':');
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return mapper.apply(NodeFactory.createBlankNode(text.substring(start, pos)));
        }
        if (c == '"') {
            pos++;
            String lexical = until('"');
            if (pos < text.length() && text.charAt(pos) == '@') {
                int start = ++pos;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
                    pos++;
                }
                return NodeFactory.createLiteralLang(lexical, text.substring(start, pos));
            }
            if (text.startsWith("^^<", pos)) {
                pos += 3;
                String datatype = until('>');
                return NodeFactory.createLiteralDT(lexical, TypeMapper.getInstance().getSafeTypeByName(datatype));
            }
            return NodeFactory.createLiteralString(lexical);
        }
        throw damaged("unexpected '" + c + "'");
    }

    /** The text up to an unescaped terminator, escapes resolved; the position ends after the terminator. */
    private String until(char terminator) {
        StringBuilder b = null;
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == terminator) {
                String value = b == null ? text.substring(start, pos) : b.append(text, start, pos).toString();
                pos++;
                return value;
            }
            if (c == '\\') {
                b = b == null ? new StringBuilder() : b;
                b.append(text, start, pos);
                pos++;
                b.append(escape());
                start = pos;
            } else {
                pos++;
            }
        }
        throw damaged("unterminated term");
    }

    private String escape() {
        char c = peek();
        pos++;
        return switch (c) {
            case 't' -> "\t";
            case 'b' -> "\b";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 'f' -> "\f";
            case '"', '\'', '\\', '>' -> String.valueOf(c);
            case 'u' -> codePoint(4);
            case 'U' -> codePoint(8);
            default -> throw damaged("bad escape \\" + c);
        };
    }

    private String codePoint(int digits) {
        if (pos + digits > text.length()) {
            throw damaged("short unicode escape");
        }
        int cp = Integer.parseInt(text.substring(pos, pos + digits), 16);
        pos += digits;
        return new String(Character.toChars(cp));
    }

    private char peek() {
        if (pos >= text.length()) {
            throw damaged("unexpected end");
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw damaged("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void skipLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private IllegalStateException damaged(String problem) {
        return new IllegalStateException("stored N-Triples unreadable at offset " + pos + ": " + problem);
    }
}
