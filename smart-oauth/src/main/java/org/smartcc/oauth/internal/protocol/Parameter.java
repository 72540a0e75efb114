package org.smartcc.oauth.internal.protocol;

import java.util.Objects;

/** One decoded name/value pair of a query string, form body or OAuth header. */
public record Parameter(String name, String value) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Without the value: parameters carry signatures and token secrets. */
    @Override
    public String toString() {
        return "Parameter[" + name + "]";
    }
}
