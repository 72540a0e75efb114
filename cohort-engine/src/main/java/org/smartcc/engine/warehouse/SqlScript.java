package org.smartcc.engine.warehouse;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Splits an SQL script into its statements at the semicolons outside string literals and comments, so that each
 * statement runs as written. Knows the literal forms of i2b2's scripts: {@code '...'} with {@code ''} for a quote, and
 * PostgreSQL's {@code E'...'} with backslash escapes; {@code --} and block comments are dropped.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /** Hands each non-blank statement of the script, without its semicolon, to {@code statements}. */
    public static void statements(Reader script, Consumer<String> statements) throws IOException {
        StringBuilder current = new StringBuilder();
        int c = script.read();
        while (c >= 0) {
            int next = script.read();
            if (c == '\'') {
                boolean escapes = current.length() > 0 && (last(current) == 'E' || last(current) == 'e')
                        && (current.length() == 1 || !Character.isLetterOrDigit(current.charAt(current.length() - 2)));
                current.append('\'');
                next = literal(script, next, escapes, current);
            } else if (c == '-' && next == '-') {
                while (next >= 0 && next != '\n') {
                    next = script.read();
                }
            } else if (c == '/' && next == '*') {
                int previous = 0;
                next = script.read();
                while (next >= 0 && !(previous == '*' && next == '/')) {
                    previous = next;
                    next = script.read();
                }
                next = next < 0 ? next : script.read();
            } else if (c == ';') {
                emit(current, statements);
            } else {
                current.append((char) c);
            }
            c = next;
        }
        emit(current, statements);
    }

    /** Copies a literal up to its closing quote; returns the character after it. */
    private static int literal(Reader script, int c, boolean escapes, StringBuilder current) throws IOException {
        while (c >= 0) {
            current.append((char) c);
            if (escapes && c == '\\') {
                c = script.read();
                if (c >= 0) {
                    current.append((char) c);
                }
            } else if (c == '\'') {
                int next = script.read();
                if (next != '\'') {
                    return next;
                }
                current.append('\'');
            }
            c = script.read();
        }
        return c;
    }

    private static char last(StringBuilder text) {
        return text.charAt(text.length() - 1);
    }

    private static void emit(StringBuilder current, Consumer<String> statements) {
        String statement = current.toString().strip();
        current.setLength(0);
        if (!statement.isEmpty()) {
            statements.accept(statement);
        }
    }
}
