package org.smartcc.launcher.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.smartcc.launcher.application.SessionState;
import org.smartcc.launcher.domain.CsrfPolicy;

/** Refuses a state-changing request without the session's CSRF token (403 {@code CSRF_TOKEN_INVALID}). */
public class CsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String expected = SessionState.existingCsrfToken(request.getSession(false));
        if (CsrfPolicy.allows(request.getMethod(), request.getRequestURI(), expected,
                request.getHeader(CsrfPolicy.HEADER), () -> request.getParameter(CsrfPolicy.FORM_FIELD))) {
            chain.doFilter(request, response);
            return;
        }
        JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "CSRF_TOKEN_INVALID",
                "this request needs the session's CSRF token (header " + CsrfPolicy.HEADER + " or form field "
                        + CsrfPolicy.FORM_FIELD + "); reload the page");
    }
}
