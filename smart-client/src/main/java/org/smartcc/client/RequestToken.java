package org.smartcc.client;

/** An unapproved request token (RFC 5849 §2.1) for one record; the user approves it at the authorize URL. */
public record RequestToken(String token, String secret, String recordId) {
}
