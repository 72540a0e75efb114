package org.smartcc.examples.restapp;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The app's pages, with every value from the container or the request escaped, and the headers they go out with. */
public final class HtmlPage {

    private HtmlPage() {
    }

    /** The record's patient and medications, as read with the app's access token. */
    public static String summary(RecordSummary summary) {
        StringBuilder body = new StringBuilder()
                .append("<h1 id=\"rest-patient-name\">").append(escape(summary.patientName())).append("</h1>\n")
                .append("<p class=\"how\">Read by this app's own server with an OAuth 1.0a access token,"
                        + " as a SMART REST app.</p>\n")
                .append("<h2>Medications</h2>\n<ul id=\"rest-medications\">\n");
        if (summary.medications().isEmpty()) {
            body.append("<li class=\"empty\">No medications recorded.</li>\n");
        }
        for (RecordSummary.Medication medication : summary.medications()) {
            body.append("<li class=\"medication\">").append(escape(medication.name()));
            if (!medication.startDate().isEmpty()) {
                body.append(" <span class=\"since\">since ").append(escape(medication.startDate())).append("</span>");
            }
            body.append("</li>\n");
        }
        return page(summary.patientName(), body.append("</ul>\n").toString());
    }

    /** What went wrong, for the user: the message and its code, no stack trace. */
    public static String failure(AppFailure failure) {
        return page("The REST app could not read the record", "<h1>The REST app could not read the record</h1>\n"
                + "<p id=\"rest-error\">" + escape(failure.getMessage()) + "</p>\n"
                + "<p class=\"code\">Error code: " + escape(failure.code()) + "</p>\n");
    }

    /** Sends a page; it may be framed by the container, and it is neither cached nor a referrer to anyone. */
    public static void send(HttpServletResponse response, int status, String html) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // the callback's URL carries the request token and verifier
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'");
        response.getWriter().write(html);
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Percent-encodes a query parameter's value or a path segment (spaces as {@code %20}), so that a value cannot add
     * parameters, segments or a query.
     */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + " · REST Demographics</title>\n<link rel=\"stylesheet\" href=\"rest-app.css\">\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }
}
