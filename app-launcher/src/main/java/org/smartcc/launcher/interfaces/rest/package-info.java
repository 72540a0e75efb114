/** The JSON calls of the launcher's own pages under {@code /launcher/ui/...}, including the SMART Connect proxy. */
package org.smartcc.launcher.interfaces.rest;
