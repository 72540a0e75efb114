package org.smartcc.api.interfaces.rest;

import org.smartcc.store.domain.CodedException;
import org.smartcc.store.domain.ErrorKind;

/** A failed HTTP Basic login (or i2b2 message login): 401 with the Basic challenge of the realm the caller tried. */
final class LoginRefused extends CodedException {

    private final String realm;

    LoginRefused(String realm, String code, String message) {
        super(ErrorKind.UNAUTHENTICATED, code, message);
        this.realm = realm;
    }

    /** The {@code WWW-Authenticate} value that asks for credentials of this realm. */
    String challenge() {
        return "Basic realm=\"" + realm + "\"";
    }
}
