package org.smartcc.oauth.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Who signed a verified request: always an app (consumer), and for 3-legged requests the token with its user and
 * record binding. A 2-legged request (consumer key and secret only) has no token kind, user or record.
 */
public final class OAuthPrincipal {

    private final App app;
    private final Token token;

    private OAuthPrincipal(App app, Token token) {
        this.app = Objects.requireNonNull(app, "app");
        this.token = token;
    }

    public static OAuthPrincipal twoLegged(App app) {
        return new OAuthPrincipal(app, null);
    }

    public static OAuthPrincipal withToken(App app, Token token) {
        return new OAuthPrincipal(app, Objects.requireNonNull(token, "token"));
    }

    public App app() {
        return app;
    }

    public String appId() {
        return app.id();
    }

    public boolean twoLegged() {
        return token == null;
    }

    public Optional<TokenKind> tokenKind() {
        return token().map(Token::kind);
    }

    public Optional<Token> token() {
        return Optional.ofNullable(token);
    }

    public Optional<String> userId() {
        return token().flatMap(Token::userId);
    }

    public Optional<String> recordId() {
        return token().flatMap(Token::recordId);
    }

    @Override
    public String toString() {
        return "OAuthPrincipal[app=" + app.id() + ", kind=" + tokenKind().map(Enum::name).orElse("2-legged")
                + ", user=" + userId().orElse("-") + ", record=" + recordId().orElse("-") + "]";
    }
}
