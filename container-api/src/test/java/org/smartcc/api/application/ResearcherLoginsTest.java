package org.smartcc.api.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcc.api.domain.AuditEvent;
import org.smartcc.api.domain.AuditKind;
import org.smartcc.api.domain.Researcher;
import org.smartcc.api.infrastructure.CohortUsers;
import org.smartcc.api.infrastructure.JdbcRecordIds;
import org.smartcc.oauth.OAuthModule;
import org.smartcc.oauth.application.OAuthSettings;
import org.smartcc.oauth.application.UserAccounts;
import org.smartcc.store.Database;
import org.smartcc.store.domain.CodedException;

/**
 * The password logins of the i2b2 cells on a real (H2) store: cohort users, launcher users who may use the cohort
 * calls with their data roles, a cohort user's name before a launcher user's, and refusals in the audit trail.
 */
class ResearcherLoginsTest {

    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path dir;
    Database db;
    CohortUsers cohortUsers;
    UserAccounts accounts;
    final TrailInMemory trail = new TrailInMemory();
    ResearcherLogins logins;

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir.resolve("store")), "sa", "");
        cohortUsers = new CohortUsers(db, true);
        accounts = OAuthModule.open(db, OAuthSettings.defaults(), Clock.systemUTC(), new JdbcRecordIds(db))
                .accounts();
        logins = new ResearcherLogins(cohortUsers, accounts, new LoginAudit(new Auditor(trail,
                Clock.fixed(T, ZoneOffset.UTC))), new LoginThrottle(3, Duration.ofMinutes(15), Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void afterThreeWrongPasswordsEvenTheRightOneIsRefusedUnchecked() {
        accounts.put("lena", "Lena", "Lind", "lena-password", List.of("researcher"), List.of());
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), logins.byPassword("lena", "guess", "i2b2"));
        }
        CodedException held = assertThrows(CodedException.class,
                () -> logins.byPassword("lena", "lena-password", "i2b2"));
        assertEquals(LoginThrottle.CODE, held.code());
    }

    @Test
    void aLauncherResearcherLogsInWithTheirDataRoles() {
        accounts.put("lena", "Lena", "Lind", "lena-password", List.of("researcher"), List.of("DATA_LDS", "DATA_AGG"));
        accounts.put("ada", "Ada", "Admin", "ada-password", List.of("admin"), null);

        assertEquals(Optional.of(new Researcher("lena", Set.of("DATA_AGG", "DATA_LDS"))),
                logins.byPassword("lena", "lena-password", "i2b2"));
        assertEquals(Optional.of(new Researcher("ada", Set.of("DATA_OBFSC"))),
                logins.byPassword("ada", "ada-password", "i2b2"));
        assertEquals(List.of(), trail.events());
    }

    @Test
    void cohortUsersAndTheDemoUserLogInAsBefore() {
        cohortUsers.put("sam", "sam-password", Set.of("DATA_AGG"));

        assertEquals(Optional.of(new Researcher("sam", Set.of("DATA_AGG"))),
                logins.byPassword("sam", "sam-password", "i2b2"));
        assertEquals(Optional.of(new Researcher("demo", Set.of("DATA_AGG", "DATA_LDS"))),
                logins.byPassword("demo", "demouser", "i2b2"));
    }

    @Test
    void aLauncherUserWithoutTheResearcherOrAdminRoleIsRefusedAndAudited() {
        accounts.put("cleo", "Cleo", "Clinic", "cleo-password", List.of("clinician"), List.of("DATA_AGG"));

        assertEquals(Optional.empty(), logins.byPassword("cleo", "cleo-password", "i2b2"));
        assertEquals(List.of(refused("cleo", ResearcherLogins.NOT_RESEARCHER)), trail.events());
    }

    @Test
    void aWrongPasswordIsRefusedAndAuditedNamingOnlyALauncherUser() {
        accounts.put("lena", "Lena", "Lind", "lena-password", List.of("researcher"), null);
        cohortUsers.put("sam", "sam-password", Set.of());

        assertEquals(Optional.empty(), logins.byPassword("lena", "wrong-password", "i2b2"));
        assertEquals(Optional.empty(), logins.byPassword("sam", "wrong-password", "i2b2"));
        assertEquals(Optional.empty(), logins.byPassword("nobody", "lena-password", "i2b2"));
        assertEquals(Optional.empty(), logins.byPassword("demo", "guess", "i2b2"));
        assertEquals(List.of(refused("lena", ResearcherLogins.CREDENTIALS_WRONG),
                refused(null, ResearcherLogins.CREDENTIALS_WRONG), refused(null, ResearcherLogins.CREDENTIALS_WRONG),
                refused(null, ResearcherLogins.CREDENTIALS_WRONG)), trail.events());
    }

    @Test
    void aNameThatIsACohortUsersLogsInWithTheCohortUsersPasswordOnly() {
        cohortUsers.put("pat", "cohort-password", Set.of());
        accounts.put("pat", "Pat", "Twin", "launcher-password", List.of("researcher"), List.of("DATA_AGG"));
        accounts.put("demo", "Demo", "Twin", "launcher-password", List.of("researcher"), null);

        assertEquals(Optional.of(new Researcher("pat", Set.of())), logins.byPassword("pat", "cohort-password",
                "i2b2"));
        assertEquals(Optional.empty(), logins.byPassword("pat", "launcher-password", "i2b2"));
        assertEquals(Optional.empty(), logins.byPassword("demo", "launcher-password", "i2b2"),
                "i2b2's demo user is a cohort user while its login is on");
    }

    private static AuditEvent refused(String user, String code) {
        return AuditEvent.of(T, AuditKind.LOGIN_FAILED).user(user).what("i2b2").outcome(code);
    }
}
