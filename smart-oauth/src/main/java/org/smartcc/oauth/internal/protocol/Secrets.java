package org.smartcc.oauth.internal.protocol;

import java.security.SecureRandom;

/**
 * Random tokens, secrets and verifiers from {@link SecureRandom}. Alphanumeric, so they need no encoding anywhere
 * (URLs, headers, form bodies).
 */
public final class Secrets {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            .toCharArray();
    /** 32 characters of a 62-letter alphabet carry about 190 bits. */
    private static final int TOKEN_LENGTH = 32;
    private static final int VERIFIER_LENGTH = 20;
    /** The reference container's length for generated consumer secrets. */
    private static final int CONSUMER_SECRET_LENGTH = 16;

    private final SecureRandom random = new SecureRandom();

    public String token() {
        return random(TOKEN_LENGTH);
    }

    public String verifier() {
        return random(VERIFIER_LENGTH);
    }

    public String consumerSecret() {
        return random(CONSUMER_SECRET_LENGTH);
    }

    /** For the nonce of headers the container signs itself. */
    public String nonce() {
        return random(VERIFIER_LENGTH);
    }

    private String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
