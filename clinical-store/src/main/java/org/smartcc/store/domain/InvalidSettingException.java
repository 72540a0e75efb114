package org.smartcc.store.domain;

/**
 * A setting has a value that cannot be used; the message names the key, the value and the rule. A fault of the
 * deployment, not of a caller, hence no {@link CodedException}: a server with such a setting does not start.
 */
public final class InvalidSettingException extends RuntimeException {

    private final String code;
    private final String key;

    /**
     * @param code the stable code of the settings' group, e.g. {@code PRIVACY_SETTING_INVALID}
     * @param key  the configuration key, e.g. {@code smartcc.privacy.i2b2.sigma}
     */
    public InvalidSettingException(String code, String key, Object value, String rule) {
        super(key + " = '" + value + "': " + rule);
        this.code = code;
        this.key = key;
    }

    public String code() {
        return code;
    }

    public String key() {
        return key;
    }
}
