package org.smartcc.launcher.interfaces.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.smartcc.launcher.domain.Caller;

/**
 * The few pages the launcher renders on the server (approval, refusals), in the same frame as its static pages.
 * Every value put into the HTML goes through {@link #escape(String)}.
 */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param contextPath the launcher's, for its links and styles
     * @param body        HTML already escaped where it holds values
     */
    static void write(HttpServletResponse response, int status, String contextPath, Caller caller, String csrfToken,
                      String title, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        String base = escape(contextPath);
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s – SMART Cohort Container</title>
                  <link rel="stylesheet" href="%s/webjars/bootstrap/5.3.8/css/bootstrap.min.css">
                  <link rel="stylesheet" href="%s/css/launcher.css">
                </head>
                <body>
                %s
                <main class="container py-4">
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), base, base, header(base, caller, csrfToken), body));
    }

    private static String header(String base, Caller caller, String csrfToken) {
        String user = caller == null ? "" : """
                <span class="navbar-text me-3" id="user-name">%s</span>
                <form method="post" action="%s/logout" class="d-inline">
                  <input type="hidden" name="csrf" value="%s">
                  <button type="submit" class="btn btn-outline-light btn-sm">Log out</button>
                </form>""".formatted(escape(caller.fullName()), base, escape(csrfToken));
        return """
                <header class="navbar navbar-dark bg-dark px-3">
                  <a class="navbar-brand" href="%s/">SMART Cohort Container</a>
                  <div>%s</div>
                </header>""".formatted(base, user);
    }
}
