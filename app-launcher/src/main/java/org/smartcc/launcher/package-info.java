/** The launcher: the container's web UI and the container side of SMART Connect, an HTTP client of the API server. */
package org.smartcc.launcher;
