package org.smartcc.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.oauth.application.LaunchCredentials;
import org.smartcc.oauth.application.OAuthSettings;
import org.smartcc.oauth.application.RecordScopes;
import org.smartcc.oauth.application.TokenEvents;
import org.smartcc.oauth.domain.Token;
import org.smartcc.oauth.domain.User;
import org.smartcc.store.Database;

/** The container hears of every token minted and revoked, with its binding, from the provider itself. */
class TokenEventsTest {

    private static final String APP = "rest-app@apps.test";
    private static final String ALICE = "alice@test.org";

    @TempDir
    Path dir;

    /** What the listener heard, one line an event. */
    private final List<String> heard = new ArrayList<>();

    private final TokenEvents events = new TokenEvents() {
        @Override
        public void issued(Token token) {
            heard.add("issued " + token.kind() + " " + token.appId() + " " + token.userId().orElse("-") + " "
                    + token.recordId().orElse("-"));
        }

        @Override
        public void revoked(Token token) {
            heard.add("revoked " + token.kind() + " " + token.appId() + " " + token.userId().orElse("-") + " "
                    + token.recordId().orElse("-"));
        }

        @Override
        public void revokedAllOfApp(String appId, int count) {
            heard.add("revoked all of " + appId + ": " + count);
        }

        @Override
        public void revokedAllOfUser(String userId, int count) {
            heard.add("revoked all of user " + userId + ": " + count);
        }
    };

    /** Every launch, revocation and bulk revocation is heard, by each listener of {@code andThen}, the first first. */
    @Test
    void launchesRevocationsAndBulkRevocationsAreHeard() {
        List<String> second = new ArrayList<>();
        TokenEvents counting = new TokenEvents() {
            @Override
            public void issued(Token token) {
                second.add(heard.size() + " issued");
            }

            @Override
            public void revoked(Token token) {
                second.add(heard.size() + " revoked");
            }

            @Override
            public void revokedAllOfApp(String appId, int count) {
                second.add(heard.size() + " revoked " + count);
            }

            @Override
            public void revokedAllOfUser(String userId, int count) {
                second.add(heard.size() + " revoked of user " + count);
            }
        };
        try (Database database = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "")) {
            OAuthModule module = OAuthModule.open(database, OAuthSettings.defaults(),
                    new MutableClock(Instant.parse("2025-03-01T12:00:00Z")),
                    new InMemoryRecordIds(List.of("1001", "1002")), RecordScopes.EVERY_RECORD,
                    events.andThen(counting));
            module.installer().install("rest.json", """
                    {"id": "%s", "name": "REST app", "description": "signs REST calls", "mode": "ui",
                     "scope": "record", "index": "http://app.test/index.html", "icon": "http://app.test/icon.png"}"""
                    .formatted(APP), "rest-secret");
            module.users().save(new User(ALICE, "Alice", "Able", "Cardiology", "physician"));

            LaunchCredentials launch = module.launch().launch(APP, ALICE, "1001");
            module.provider().revoke(launch.connectToken());
            module.provider().revoke(launch.connectToken()); // already revoked: nothing to hear
            module.provider().revokeAllOfApp(APP);

            assertEquals(List.of("issued ACCESS " + APP + " " + ALICE + " 1001",
                    "issued CONNECT " + APP + " " + ALICE + " 1001",
                    "revoked CONNECT " + APP + " " + ALICE + " 1001",
                    "revoked all of " + APP + ": 1"), heard);
            assertEquals(List.of("1 issued", "2 issued", "3 revoked", "4 revoked 1"), second);
        }
    }
}
