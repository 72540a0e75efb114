package org.smartcc.oauth.application;

/**
 * The outcome of a user's approval.
 *
 * @param redirectUrl the manifest's {@code oauth_callback} with {@code oauth_token} and {@code oauth_verifier}
 *                    appended; any scheme (native apps use custom ones)
 * @param verifier    the verifier, for out-of-band display
 */
public record Approval(String redirectUrl, String verifier) {

    @Override
    public String toString() {
        return "Approval[verifier hidden]";
    }
}
