package org.smartcc.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.oauth.application.AppInstaller;
import org.smartcc.oauth.domain.App;

/**
 * Outside the development run every app installed from a directory has a consumer secret of its own, which survives a
 * restart; the shared development secret is refused.
 */
class AppSecretsTest {

    static final Path MANIFESTS = Path.of(System.getProperty("smartcc.shared.dir"), "smart-data", "manifests", "apps");
    static final String BACKGROUND_APP = "smart-connector@apps.smartplatforms.org";
    static final String MED_LIST = "med-list@apps.smartplatforms.org";

    @TempDir
    Path dir;
    TestContainer container;

    @BeforeEach
    void open() {
        container = new TestContainer(dir);
    }

    @AfterEach
    void close() {
        container.close();
    }

    @Test
    void eachAppGetsARandomSecretOfItsOwnThatARestartKeeps() throws Exception {
        List<AppInstaller.Installed> first = container.module.installer().installDirectoryWithOwnSecrets(MANIFESTS,
                id -> Optional.empty());

        Set<String> ids = first.stream().map(i -> i.app().id()).collect(Collectors.toSet());
        Map<String, String> secrets = secretsOf(ids);
        assertEquals(ids.size(), Set.copyOf(secrets.values()).size(), "no two apps share a secret");
        assertFalse(secrets.containsValue(AppInstaller.DEV_CONSUMER_SECRET));
        assertTrue(first.stream().filter(i -> i.app().id().equals(BACKGROUND_APP))
                .allMatch(AppInstaller.Installed::secretGenerated));

        List<AppInstaller.Installed> restart = container.module.installer().installDirectoryWithOwnSecrets(MANIFESTS,
                id -> Optional.empty());
        assertTrue(restart.stream().noneMatch(AppInstaller.Installed::secretGenerated), "nothing new to show");
        assertEquals(secrets, secretsOf(ids));
    }

    @Test
    void aConfiguredSecretWinsAndAStoredDevelopmentSecretIsReplaced() {
        container.module.installDevDefaults(MANIFESTS);
        assertEquals(AppInstaller.DEV_CONSUMER_SECRET, secretOf(MED_LIST));

        Function<String, Optional<String>> configured = id -> id.equals(BACKGROUND_APP)
                ? Optional.of("configured-for-the-connector") : Optional.empty();
        List<AppInstaller.Installed> installed = container.module.installer().installDirectoryWithOwnSecrets(
                MANIFESTS, configured);

        assertEquals("configured-for-the-connector", secretOf(BACKGROUND_APP));
        assertNotEquals(AppInstaller.DEV_CONSUMER_SECRET, secretOf(MED_LIST));
        assertTrue(installed.stream().filter(i -> i.app().id().equals(MED_LIST))
                .allMatch(AppInstaller.Installed::secretGenerated));
        assertTrue(installed.stream().filter(i -> i.app().id().equals(BACKGROUND_APP))
                .noneMatch(AppInstaller.Installed::secretGenerated));
    }

    @Test
    void sharedAndDevelopmentSecretsAreRefusedOutsideTheDevelopmentRun() {
        assertTrue(AppInstaller.refusedOutsideDevelopment(Optional.of(AppInstaller.DEV_CONSUMER_SECRET), Map.of())
                .orElseThrow().contains("smartcc.dev-mode"));
        assertTrue(AppInstaller.refusedOutsideDevelopment(Optional.of("one-for-all"), Map.of()).isPresent(),
                "any secret shared by every app lets one sign as another");
        assertTrue(AppInstaller.refusedOutsideDevelopment(Optional.empty(), Map.of(MED_LIST,
                AppInstaller.DEV_CONSUMER_SECRET)).orElseThrow().contains(MED_LIST));
        assertEquals(Optional.empty(), AppInstaller.refusedOutsideDevelopment(Optional.empty(), Map.of(MED_LIST,
                "own-secret")));
    }

    private Map<String, String> secretsOf(Set<String> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, this::secretOf));
    }

    private String secretOf(String appId) {
        return container.module.apps().find(appId).map(App::consumerSecret).orElseThrow();
    }
}
