package org.smartcc.oauth;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.smartcc.oauth.application.AppInstaller;
import org.smartcc.oauth.application.AppLaunch;
import org.smartcc.oauth.application.AppRepository;
import org.smartcc.oauth.application.AuthorizationFlow;
import org.smartcc.oauth.application.BackgroundTokenLoop;
import org.smartcc.oauth.application.OAuthProvider;
import org.smartcc.oauth.application.OAuthSettings;
import org.smartcc.oauth.application.RecordIds;
import org.smartcc.oauth.application.RecordScopes;
import org.smartcc.oauth.application.TokenEvents;
import org.smartcc.oauth.application.UserAccounts;
import org.smartcc.oauth.application.UserRepository;
import org.smartcc.oauth.domain.App;
import org.smartcc.oauth.domain.User;
import org.smartcc.oauth.internal.jdbc.JdbcAppRepository;
import org.smartcc.oauth.internal.jdbc.JdbcApprovalRepository;
import org.smartcc.oauth.internal.jdbc.JdbcNonceStore;
import org.smartcc.oauth.internal.jdbc.JdbcTokenRepository;
import org.smartcc.oauth.internal.jdbc.JdbcUserRepository;
import org.smartcc.oauth.internal.protocol.Secrets;
import org.smartcc.oauth.internal.protocol.SignatureScheme;
import org.smartcc.oauth.internal.protocol.TokenIssuer;
import org.smartcc.oauth.internal.rfc5849.HmacSha1SignatureScheme;
import org.smartcc.store.Database;

/**
 * The OAuth provider wired together over the clinical store's database: one instance per application. It holds no
 * resources of its own; the Database belongs to the caller.
 */
public final class OAuthModule {

    /** The user the embedded development run logs in as. */
    public static final User DEV_USER = new User("developer@smartcc.local", "Dev", "Eloper", "Development",
            "physician");

    private final AppRepository apps;
    private final UserRepository users;
    private final OAuthProvider provider;
    private final AuthorizationFlow authorization;
    private final BackgroundTokenLoop backgroundTokens;
    private final AppLaunch launch;
    private final AppInstaller installer;
    private final UserAccounts accounts;
    private final OAuthSettings settings;

    private OAuthModule(Database database, OAuthSettings settings, Clock clock, RecordIds records,
                        RecordScopes scopes, TokenEvents events) {
        this.settings = settings;
        this.apps = new JdbcAppRepository(database);
        this.users = new JdbcUserRepository(database);
        JdbcTokenRepository tokens = new JdbcTokenRepository(database);
        SignatureScheme signatures = new HmacSha1SignatureScheme();
        Secrets secrets = new Secrets();
        TokenIssuer issuer = new TokenIssuer(tokens, secrets, settings, clock, events);
        this.provider = new OAuthProvider(apps, tokens, new JdbcNonceStore(database.dataSource()), signatures,
                settings, clock, events);
        this.authorization = new AuthorizationFlow(provider, apps, tokens, users,
                new JdbcApprovalRepository(database), records, issuer, secrets, clock);
        this.backgroundTokens = new BackgroundTokenLoop(provider, records, scopes, issuer);
        this.launch = new AppLaunch(apps, users, records, issuer, signatures, secrets, clock);
        this.installer = new AppInstaller(apps, secrets, clock, settings.uiServerBaseUrl());
        this.accounts = new UserAccounts(users);
    }

    /**
     * @param database a database opened with {@link Database#open}, so the V2 container schema is in place
     * @param records  the record ids of the clinical store
     */
    public static OAuthModule open(Database database, OAuthSettings settings, Clock clock, RecordIds records) {
        return open(database, settings, clock, records, RecordScopes.EVERY_RECORD);
    }

    /**
     * @param scopes which records each background app may walk (every record for an app it does not narrow)
     */
    public static OAuthModule open(Database database, OAuthSettings settings, Clock clock, RecordIds records,
                                   RecordScopes scopes) {
        return open(database, settings, clock, records, scopes, TokenEvents.NONE);
    }

    /** @param events hears of every token issued and revoked (the container's audit trail) */
    public static OAuthModule open(Database database, OAuthSettings settings, Clock clock, RecordIds records,
                                   RecordScopes scopes, TokenEvents events) {
        return new OAuthModule(database, settings, clock, records, scopes, events);
    }

    /**
     * The embedded development default: every manifest in the directory installed with the configured development
     * consumer secret, and {@link #DEV_USER}.
     */
    public List<App> installDevDefaults(Path appManifestDirectory) {
        users.save(DEV_USER);
        return installer.installDirectory(appManifestDirectory, settings.devConsumerSecret());
    }

    public OAuthProvider provider() {
        return provider;
    }

    public AuthorizationFlow authorization() {
        return authorization;
    }

    public BackgroundTokenLoop backgroundTokens() {
        return backgroundTokens;
    }

    public AppLaunch launch() {
        return launch;
    }

    public AppInstaller installer() {
        return installer;
    }

    public UserAccounts accounts() {
        return accounts;
    }

    public AppRepository apps() {
        return apps;
    }

    public UserRepository users() {
        return users;
    }
}
