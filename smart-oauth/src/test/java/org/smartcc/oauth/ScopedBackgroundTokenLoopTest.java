package org.smartcc.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smartcc.oauth.ThreeLeggedFlowTest.assertError;

import com.github.scribejava.core.model.Verb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.oauth.application.OAuthHttpRequest;
import org.smartcc.oauth.application.RecordIds;
import org.smartcc.oauth.application.RecordScopes;
import org.smartcc.oauth.application.TokenResponse;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;

/** The token loop of a background app that the container narrowed to some records (granted patient sets). */
class ScopedBackgroundTokenLoopTest {

    @TempDir
    Path dir;
    TestContainer container;
    final List<String> handedOut = new ArrayList<>();

    @BeforeEach
    void open() {
        Map<String, RecordIds> granted = Map.of(TestContainer.BACKGROUND_APP,
                new InMemoryRecordIds(List.of("1001", "1003")));
        container = new TestContainer(dir, new RecordScopes() {
            @Override
            public Optional<RecordIds> of(String appId) {
                return Optional.ofNullable(granted.get(appId));
            }

            @Override
            public void handedOut(String appId, String recordId) {
                handedOut.add(appId + " " + recordId);
            }
        });
    }

    @AfterEach
    void close() {
        container.close();
    }

    @Test
    void aNarrowedAppWalksOnlyItsRecordsAndEachHandOutIsReported() {
        List<String> visited = new ArrayList<>();
        TokenResponse token = container.module.backgroundTokens().first(call(Verb.POST, "first"),
                TestContainer.BACKGROUND_APP);
        while (true) {
            String recordId = token.parameter("smart_record_id").orElseThrow();
            visited.add(recordId);
            try {
                token = container.module.backgroundTokens().next(call(Verb.POST, recordId + "/next"),
                        TestContainer.BACKGROUND_APP, recordId);
            } catch (OAuthException e) {
                assertEquals(OAuthError.NO_MORE_RECORDS, e.error());
                break;
            }
        }
        assertEquals(List.of("1001", "1003"), visited);
        assertEquals(List.of(TestContainer.BACKGROUND_APP + " 1001", TestContainer.BACKGROUND_APP + " 1003"),
                handedOut);
    }

    @Test
    void aRecordOutsideTheScopeIsForbiddenAndAnUnknownOneStaysUnknown() {
        assertError(OAuthError.FORBIDDEN_NOT_GRANTED, () -> container.module.backgroundTokens()
                .forRecord(call(Verb.GET, "1002"), TestContainer.BACKGROUND_APP, "1002"));
        assertError(OAuthError.RECORD_UNKNOWN, () -> container.module.backgroundTokens()
                .forRecord(call(Verb.GET, "9999"), TestContainer.BACKGROUND_APP, "9999"));
        TokenResponse granted = container.module.backgroundTokens().forRecord(call(Verb.GET, "1003"),
                TestContainer.BACKGROUND_APP, "1003");
        assertEquals(Optional.of("1003"), granted.parameter("smart_record_id"));
        assertEquals(List.of(TestContainer.BACKGROUND_APP + " 1003"), handedOut);
    }

    private OAuthHttpRequest call(Verb verb, String rest) {
        return container.backgroundClient().sign(verb, BackgroundTokenLoopTest.TOKENS + rest, null, null)
                .toProvider();
    }
}
