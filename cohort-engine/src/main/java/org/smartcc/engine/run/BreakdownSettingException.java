package org.smartcc.engine.run;

/** A breakdown setting has a value that cannot be used; the message names the key, the value and the rule. */
public final class BreakdownSettingException extends RuntimeException {

    public static final String CODE = "BREAKDOWN_SETTING_INVALID";

    private final String key;

    BreakdownSettingException(String key, String value, String rule) {
        super(key + " = '" + value + "': " + rule);
        this.key = key;
    }

    /** The configuration key, e.g. {@code smartcc.breakdown.los-groups}. */
    public String key() {
        return key;
    }

    /** The stable error code of every invalid breakdown setting. */
    public String code() {
        return CODE;
    }
}
