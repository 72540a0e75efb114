/** Sign-in through Jakarta Security: the FORM mechanism, the identity store asking the API server, the caller. */
package org.smartcc.launcher.infrastructure.security;
