package org.smartcc.api.interfaces.rest;

import jakarta.json.spi.JsonProvider;

/** The JSON-P provider, looked up once: {@code Json.create...} searches the class path for one on every call. */
final class Jsonp {

    static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {
    }
}
