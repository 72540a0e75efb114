package org.smartcc.launcher.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON calls of the launcher's pages, under {@code /launcher/ui/}. */
@ApplicationPath("ui")
public class LauncherUi extends Application {
}
