package org.smartcc.oauth;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.smartcc.oauth.application.LaunchCredentials;
import org.smartcc.oauth.application.OAuthSettings;
import org.smartcc.oauth.application.RecordScopes;
import org.smartcc.oauth.domain.User;
import org.smartcc.store.Database;

/** An OAuth module over a fresh H2 file database with three apps, two users and three records. */
final class TestContainer implements AutoCloseable {

    static final String API_BASE = "http://api.test:8080/smart";
    static final String REST_APP = "rest-app@apps.test";
    static final String REST_SECRET = "rest-secret";
    static final String REST_CALLBACK = "http://app.test/authorize";
    static final String BACKGROUND_APP = "bg-app@apps.test";
    static final String BACKGROUND_SECRET = "bg-secret";
    static final String PLAIN_UI_APP = "plain-ui@apps.test";
    static final String PLAIN_UI_SECRET = "plain-secret";
    static final String ALICE = "alice@test.org";
    static final String BOB = "bob@test.org";
    static final List<String> RECORDS = List.of("1001", "1002", "1003");

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    final Database database;
    final OAuthModule module;

    TestContainer(Path dir) {
        this(dir, OAuthSettings.defaults().withDebugEnabled(true));
    }

    TestContainer(Path dir, OAuthSettings settings) {
        this(dir, settings, RecordScopes.EVERY_RECORD);
    }

    TestContainer(Path dir, RecordScopes scopes) {
        this(dir, OAuthSettings.defaults().withDebugEnabled(true), scopes);
    }

    private TestContainer(Path dir, OAuthSettings settings, RecordScopes scopes) {
        database = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        module = OAuthModule.open(database, settings, clock, new InMemoryRecordIds(RECORDS), scopes);
        module.installer().install("rest.json", """
                {"id": "%s", "name": "REST app", "description": "signs REST calls", "mode": "ui",
                 "scope": "record", "index": "http://app.test/index.html", "icon": "http://app.test/icon.png",
                 "oauth_callback": "%s"}""".formatted(REST_APP, REST_CALLBACK), REST_SECRET);
        module.installer().install("bg.json", """
                {"id": "%s", "name": "Background", "description": "loops", "mode": "background",
                 "scope": "container"}""".formatted(BACKGROUND_APP), BACKGROUND_SECRET);
        module.installer().install("plain.json", """
                {"id": "%s", "name": "Plain UI", "description": "no callback", "mode": "ui",
                 "index": "http://plain.test/index.html?mode=full", "icon": "http://plain.test/icon.png"}"""
                .formatted(PLAIN_UI_APP), PLAIN_UI_SECRET);
        module.users().save(new User(ALICE, "Alice", "Able", "Cardiology", "physician"));
        module.users().save(new User(BOB, "Bob", "Baker", "Oncology", "nurse"));
    }

    ScribeClient restClient() {
        return new ScribeClient(REST_APP, REST_SECRET, clock);
    }

    ScribeClient backgroundClient() {
        return new ScribeClient(BACKGROUND_APP, BACKGROUND_SECRET, clock);
    }

    /** A pre-authorized REST access token of the REST app (as a launch mints it). */
    LaunchCredentials launchRestApp(String user, String record) {
        return module.launch().launch(REST_APP, user, record);
    }

    static String recordUrl(String recordId, String rest) {
        return API_BASE + "/records/" + recordId + rest;
    }

    @Override
    public void close() {
        database.close();
    }
}
