package org.smartcc.records.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ontology path such as {@code /records/{record_id}/medications/{medication_id}}. Every variable matches one
 * non-empty segment (the reference server's {@code [^/]+}); literal segments and trailing slashes must match exactly.
 */
public final class PathTemplate {

    private final String template;
    private final String[] segments;
    private final List<String> variables;

    private PathTemplate(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with '/': " + template);
        }
        this.template = template;
        this.segments = template.substring(1).split("/", -1);
        List<String> names = new ArrayList<>();
        for (String s : segments) {
            if (isVariable(s)) {
                names.add(s.substring(1, s.length() - 1));
            }
        }
        this.variables = List.copyOf(names);
    }

    public static PathTemplate of(String template) {
        return new PathTemplate(template);
    }

    public String template() {
        return template;
    }

    public List<String> variables() {
        return variables;
    }

    /** The variables of a request path (percent-encoded, as sent) decoded, or empty if the path does not match. */
    public Optional<Map<String, String>> match(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        if (parts.length != segments.length) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            if (isVariable(segments[i])) {
                Optional<String> decoded = decode(parts[i]);
                if (parts[i].isEmpty() || decoded.isEmpty()) {
                    return Optional.empty();
                }
                values.put(segments[i].substring(1, segments[i].length() - 1), decoded.get());
            } else if (!segments[i].equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    /** Number of literal segments: with several matching templates the most specific one wins. */
    int literalSegments() {
        int n = 0;
        for (String s : segments) {
            if (!isVariable(s)) {
                n++;
            }
        }
        return n;
    }

    private static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    /** Path segments use percent-encoding only: a '+' is a plus sign, not a space as in form data. */
    private static Optional<String> decode(String segment) {
        try {
            return Optional.of(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return template;
    }
}
