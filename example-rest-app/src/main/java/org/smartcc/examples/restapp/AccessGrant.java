package org.smartcc.examples.restapp;

/** The access token the container gave the app for one record ({@code exchange_token}, smart-classic §4.4 step 5). */
public record AccessGrant(String token, String secret, String recordId) {

    @Override
    public String toString() {
        return "AccessGrant[token and secret hidden]";
    }
}
