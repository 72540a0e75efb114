package org.smartcc.launcher.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;

/**
 * Gives a session a new id on the first request of each signed-in caller. Jakarta Security's FORM mechanism signs the
 * caller in within the session the browser already had, so a session id planted before sign-in (session fixation)
 * would otherwise become a signed-in session; the servlet container keeps the attributes when the id changes.
 */
public class SessionFixationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** The caller the current session id was issued to. */
    private static final String ISSUED_TO = SessionFixationFilter.class.getName() + ".issuedTo";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        HttpSession session = request.getSession(false);
        if (caller != null && session != null && !caller.getName().equals(session.getAttribute(ISSUED_TO))) {
            request.changeSessionId();
            session.setAttribute(ISSUED_TO, caller.getName());
        }
        chain.doFilter(request, response);
    }
}
