/** Servlet filters and listeners that guard every launcher answer: CSRF, security headers, session end. */
package org.smartcc.launcher.infrastructure.web;
