package org.smartcc.launcher.interfaces.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a successful sign-in lands when no protected page sent the browser to the login page (it was opened
 * directly, or after logout): the mechanism lets {@code j_security_check} through, and this sends on to the start page.
 */
@WebServlet("/j_security_check")
public class SignedInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/");
    }
}
