package org.smartcc.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartcc.oauth.ThreeLeggedFlowTest.assertError;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.oauth.application.UserAccounts;
import org.smartcc.oauth.domain.DataRole;
import org.smartcc.oauth.domain.OAuthError;
import org.smartcc.oauth.domain.OAuthException;
import org.smartcc.oauth.domain.UserAccount;
import org.smartcc.oauth.domain.UserRole;

/** Sign-in with passwords, and users' roles. */
class UserAccountsTest {

    @TempDir
    Path dir;
    TestContainer container;
    UserAccounts accounts;

    @BeforeEach
    void open() {
        container = new TestContainer(dir);
        accounts = container.module.accounts();
    }

    @AfterEach
    void close() {
        container.close();
    }

    @Test
    void aUserSignsInWithTheirPasswordAndGetsTheirRoles() {
        assertTrue(accounts.put("carol@test.org", "Carol", "Cook", "correct horse", List.of("clinician", "admin"),
                null));

        UserAccount carol = accounts.signIn("carol@test.org", "correct horse");

        assertEquals("Carol Cook", carol.fullName());
        assertEquals(Set.of(UserRole.CLINICIAN, UserRole.ADMIN), carol.roles());
    }

    @Test
    void everyFailedSignInSaysTheSame() {
        accounts.put("carol@test.org", "Carol", "Cook", "correct horse", List.of("researcher"), null);

        String wrongPassword = failedSignIn("carol@test.org", "wrong horse");
        String unknownUser = failedSignIn("nobody@test.org", "correct horse");
        String withoutPassword = failedSignIn(TestContainer.ALICE, "");

        assertEquals(wrongPassword, unknownUser);
        assertEquals(wrongPassword, withoutPassword);
    }

    @Test
    void replacingAUserWithoutPasswordKeepsItAndReplacesTheRoles() {
        accounts.put("carol@test.org", "Carol", "Cook", "correct horse", List.of("researcher", "admin"), null);

        assertFalse(accounts.put("carol@test.org", "Carol", "Cooke", null, List.of("clinician"), null));

        UserAccount carol = accounts.signIn("carol@test.org", "correct horse");
        assertEquals(Set.of(UserRole.CLINICIAN), carol.roles());
        assertEquals("Carol Cooke", carol.fullName());
        assertEquals(Set.of(UserRole.CLINICIAN), accounts.all().stream().filter(a -> a.id().equals("carol@test.org"))
                .findFirst().orElseThrow().roles());
    }

    @Test
    void rolesPasswordsAndIdsAreChecked() {
        assertError(OAuthError.USER_INVALID, () -> accounts.put("carol@test.org", "C", "C", "correct horse",
                List.of("superuser"), null));
        assertError(OAuthError.USER_INVALID, () -> accounts.put("carol@test.org", "C", "C", "short",
                List.of(), null));
        assertError(OAuthError.USER_INVALID, () -> accounts.put("carol@test.org", "C", "C", null, List.of(), null));
        assertError(OAuthError.USER_INVALID, () -> accounts.put("carol cook", "C", "C", "correct horse",
                List.of(), null));
        assertTrue(accounts.find("carol@test.org").isEmpty(), "a refused user is not saved");
    }

    @Test
    void aNewUserHasObfuscatedCountsUntilGivenDataRolesWhichAReplacementWithoutThemKeeps() {
        accounts.put("carol@test.org", "Carol", "Cook", "correct horse", List.of("researcher"), null);
        assertEquals(Set.of(DataRole.DATA_OBFSC), accounts.signIn("carol@test.org", "correct horse").dataRoles());

        accounts.put("carol@test.org", "Carol", "Cook", null, List.of("researcher"),
                List.of("DATA_AGG", "DATA_LDS"));
        accounts.put("carol@test.org", "Carol", "Cooke", null, List.of("researcher"), null);

        assertEquals(Set.of(DataRole.DATA_AGG, DataRole.DATA_LDS), accounts.find("carol@test.org").orElseThrow()
                .dataRoles());
        assertEquals(Set.of(DataRole.DATA_AGG, DataRole.DATA_LDS), accounts.all().stream()
                .filter(a -> a.id().equals("carol@test.org")).findFirst().orElseThrow().dataRoles());
        assertError(OAuthError.USER_INVALID, () -> accounts.put("carol@test.org", "C", "C", null,
                List.of("researcher"), List.of("DATA_EVERYTHING")));
    }

    @Test
    void theDevelopmentLoginHasEveryRoleAndExactCounts() {
        accounts.createDevelopmentLogin();

        UserAccount dev = accounts.signIn("dev", "dev");
        assertEquals(Set.of(UserRole.values()), dev.roles());
        assertEquals(Set.of(DataRole.DATA_AGG, DataRole.DATA_LDS), dev.dataRoles());
    }

    private String failedSignIn(String user, String password) {
        OAuthException e = assertThrows(OAuthException.class, () -> accounts.signIn(user, password));
        assertEquals(OAuthError.LOGIN_FAILED, e.error());
        return e.getMessage();
    }
}
