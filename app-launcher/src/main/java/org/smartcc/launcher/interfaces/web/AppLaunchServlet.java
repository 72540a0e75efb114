package org.smartcc.launcher.interfaces.web;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.smartcc.launcher.application.AppGallery;
import org.smartcc.launcher.domain.LauncherException;

/**
 * {@code GET /apps/{app_id}/launch[?record_id=R]}, the container manifest's {@code launch_urls.app_launch}
 * (smart-classic §4.4 step 1): to the record page that opens the app, or first to the record picker.
 */
@WebServlet("/apps/*")
public class AppLaunchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String SUFFIX = "/launch";

    @Inject
    AppGallery gallery;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !path.endsWith(SUFFIX) || path.length() <= SUFFIX.length() + 1) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String appId = path.substring(1, path.length() - SUFFIX.length());
        JsonObject manifest;
        try {
            manifest = gallery.manifest(appId);
        } catch (LauncherException e) {
            response.sendError(e.status());
            return;
        }
        String recordId = request.getParameter("record_id");
        String target;
        if (!AppGallery.isRecordScope(manifest)) {
            target = "/record.html?app=" + encode(appId);
        } else if (recordId == null || recordId.isBlank()) {
            target = "/pick-record.html?app_id=" + encode(appId);
        } else {
            target = "/record.html?record_id=" + encode(recordId) + "&app=" + encode(appId);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + target);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
