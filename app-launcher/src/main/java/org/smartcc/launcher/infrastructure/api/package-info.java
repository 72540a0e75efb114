/** The API server as the launcher reaches it: settings, the HTTP client of its launcher calls, OAuth 1.0a signing. */
package org.smartcc.launcher.infrastructure.api;
