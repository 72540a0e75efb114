package org.smartcc.engine.privacy;

/** A small-cell protection setting has a value that cannot be used; the message names the key and the value. */
public final class PrivacySettingException extends RuntimeException {

    public static final String CODE = "PRIVACY_SETTING_INVALID";

    private final String key;

    PrivacySettingException(String key, Object value, String rule) {
        super(key + " = '" + value + "': " + rule);
        this.key = key;
    }

    /** The configuration key, e.g. {@code smartcc.privacy.i2b2.sigma}. */
    public String key() {
        return key;
    }

    /** The stable error code of every invalid privacy setting. */
    public String code() {
        return CODE;
    }
}
