package org.smartcc.api.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.smartcc.api.application.LoginThrottle;
import org.smartcc.oauth.application.AppInstaller;
import org.smartcc.oauth.application.OAuthSettings;
import org.smartcc.store.Database;

/**
 * The container's configuration, read through MicroProfile Config (system properties, environment variables such as
 * {@code SMARTCC_DB_URL}, the smartcc.properties file, {@code META-INF/microprofile-config.properties}). Every default
 * lives in that properties file, none here: {@link #value} reads a key that has one, {@link #optional} a key that may
 * stay unset. docs/configuration.md explains every key.
 */
@ApplicationScoped
public class ContainerSettings {

    private static final String APP_SECRET_PREFIX = "smartcc.apps.secret.";

    private final Config config = ConfigProvider.getConfig();

    /** A key with a default in microprofile-config.properties, converted to its type. */
    private <T> T value(String key, Class<T> type) {
        return config.getValue(key, type);
    }

    /** A key without a default; blank counts as unset. */
    private Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank());
    }

    /** Folder for the embedded database and the Parquet snapshots. */
    public Path dataDirectory() {
        return Path.of(value("smartcc.data.dir", String.class)).toAbsolutePath();
    }

    /** The JNDI name of a data source the application server pools (Payara Server); the store's own pool if unset. */
    public Optional<String> databaseJndiName() {
        return optional("smartcc.db.jndi");
    }

    /** JDBC URL of the store; an embedded H2 file in the data folder unless set. */
    public String databaseUrl() {
        return config.getOptionalValue("smartcc.db.url", String.class)
                .orElseGet(() -> Database.h2FileUrl(dataDirectory().resolve("db").resolve("smartcc")));
    }

    public String databaseUser() {
        return value("smartcc.db.user", String.class);
    }

    public String databasePassword() {
        return config.getOptionalValue("smartcc.db.password", String.class).orElse(""); // unset = empty
    }

    /** SMART RDF/XML patient files loaded into an empty store on first start; none when unset. */
    public Optional<Path> sampleDataDirectory() {
        return optional("smartcc.sample-data.dir").map(Path::of);
    }

    /**
     * The i2b2 warehouse the snapshots are written from ({@code smartcc.warehouse.url}, {@code .user},
     * {@code .password}); empty when the URL is unset, and the snapshots then come from the clinical store.
     */
    public Optional<WarehouseLogin> warehouse() {
        return optional("smartcc.warehouse.url").map(url -> new WarehouseLogin(url,
                value("smartcc.warehouse.user", String.class),
                config.getOptionalValue("smartcc.warehouse.password", String.class).orElse(""))); // unset = empty
    }

    /**
     * i2b2's demo data folder ({@code smartcc.warehouse.i2b2-demo-dir}), loaded into the warehouse when it holds no
     * i2b2 tables yet: the embedded run's {@code i2b2-demo} dataset; none when unset.
     */
    public Optional<Path> i2b2DemoDirectory() {
        return optional("smartcc.warehouse.i2b2-demo-dir").map(Path::of);
    }

    public Path snapshotDirectory() {
        return config.getOptionalValue("smartcc.snapshot.dir", String.class).map(Path::of)
                .orElseGet(() -> dataDirectory().resolve("snapshots"));
    }

    /** The address users open; printed when the container is ready. */
    public String publicUrl() {
        return value("smartcc.public-url", String.class);
    }

    /** The address the HTTP listener is bound to, when the launch set it (embedded run); else the server decides. */
    public Optional<String> httpAddress() {
        return optional("smartcc.http.address");
    }

    /** The administrator's password for /admin; the admin API is off while it is unset. */
    public Optional<String> adminPassword() {
        return optional("smartcc.admin.password");
    }

    /**
     * Every {@code spark.*} key, passed straight to the cohort engine. Environment variables cannot carry dotted
     * names, so {@code smartcc.spark.conf} (env {@code SMARTCC_SPARK_CONF}) may list {@code spark.key=value} pairs
     * separated by white space; a {@code spark.*} property of its own wins over the same key there.
     */
    public Map<String, String> sparkConfig() {
        Map<String, String> spark = new TreeMap<>();
        config.getOptionalValue("smartcc.spark.conf", String.class).ifPresent(list -> {
            for (String pair : list.trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (pair.startsWith("spark.") && eq > 0) {
                    spark.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        });
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("spark.")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> spark.put(name, v));
            }
        }
        return spark;
    }

    /**
     * Whether this is the development run ({@code smartcc.dev-mode}, set by the embedded run and the integration
     * tests): only there do the installed apps share one consumer secret.
     */
    public boolean devMode() {
        return value("smartcc.dev-mode", Boolean.class);
    }

    /**
     * App manifests installed on start (embedded run: the shared sample apps): in the development run all with
     * {@link #appsSecret()}, otherwise each with a secret of its own.
     */
    public Optional<Path> appsDirectory() {
        return optional("smartcc.apps.dir").map(Path::of);
    }

    /**
     * The consumer secret every app shares in the development run ({@code smartcc.apps.secret}); unset, the OAuth
     * library's development secret. It has no default in the properties file because setting it is what
     * {@link #appSecretsRefused()} refuses outside the development run.
     */
    public String appsSecret() {
        return config.getOptionalValue("smartcc.apps.secret", String.class).orElse(AppInstaller.DEV_CONSUMER_SECRET);
    }

    /** The consumer secret configured for one app ({@code smartcc.apps.secret.<app id>}). */
    public Optional<String> appSecret(String appId) {
        return optional(APP_SECRET_PREFIX + appId);
    }

    /** Why the configured consumer secrets may not start this run, if they may not: only the development run shares. */
    public Optional<String> appSecretsRefused() {
        if (devMode()) {
            return Optional.empty();
        }
        Map<String, String> secretsOfApps = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(APP_SECRET_PREFIX)) {
                String appId = name.substring(APP_SECRET_PREFIX.length());
                appSecret(appId).ifPresent(secret -> secretsOfApps.put(appId, secret));
            }
        }
        return AppInstaller.refusedOutsideDevelopment(
                optional("smartcc.apps.secret"), secretsOfApps);
    }

    /**
     * Helper apps the administrator flagged ({@code smartcc.apps.admin-helpers}, comma-separated ids): like the
     * reference's {@code admin_p}, they may search records signing 2-legged.
     */
    public Set<String> adminHelperApps() {
        return optional("smartcc.apps.admin-helpers").stream()
                .flatMap(list -> Arrays.stream(list.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public OAuthSettings oauthSettings() {
        return OAuthSettings.defaults()
                .withAccessTokenTtl(Duration.ofMinutes(value("smartcc.oauth.token-minutes", Integer.class)))
                .withDebugEnabled(value("smartcc.oauth.debug", Boolean.class))
                .withDevConsumerSecret(appsSecret())
                .withUiServerBaseUrl(launcherUrl())
                .withLauncherSecret(launcherSecret().orElse(null));
    }

    /** Files of documents and photographs, as {@code <folder>/<record id>/<sp:fileName>}; none when unset. */
    public Optional<Path> documentsDirectory() {
        return optional("smartcc.documents.dir").map(Path::of);
    }

    /**
     * The API base apps see (statement URIs, {@code /manifest}); unset, it is the base of each request, which is
     * right unless a proxy rewrites the host.
     */
    public Optional<String> apiBase() {
        return optional("smartcc.api-base")
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /** The launcher's password for the API's /oauth/internal services (user {@code launcher}); off while unset. */
    public Optional<String> launcherSecret() {
        return optional("smartcc.launcher.secret");
    }

    /**
     * Where the launcher (the UI host: app launch and authorize pages) is reached; default
     * {@code <public url>/launcher}.
     */
    public String launcherUrl() {
        return value("smartcc.launcher-url", String.class);
    }

    /** Name, description and admin contact of the container manifest. */
    public ContainerIdentity identity() {
        return new ContainerIdentity(value("smartcc.container.name", String.class),
                value("smartcc.container.description", String.class), value("smartcc.container.admin", String.class));
    }

    /** Wrong passwords for one name before its logins are refused, and the window they are counted in. */
    public LoginThrottle loginThrottle() {
        return new LoginThrottle(value("smartcc.login.max-failures", Integer.class),
                Duration.ofMinutes(value("smartcc.login.window-minutes", Integer.class)), Clock.systemUTC());
    }

    /** Size of the cache of serialized record responses, in megabytes; 0 turns it off. */
    public int recordCacheMegabytes() {
        return value("smartcc.records.cache-mb", Integer.class);
    }

    /** The largest request body accepted, in bytes ({@code smartcc.http.max-body-mb}). */
    public long maxBodyBytes() {
        return value("smartcc.http.max-body-mb", Long.class) * 1024 * 1024;
    }

    /**
     * The largest body of the cohort and i2b2 endpoints, in bytes ({@code smartcc.cohort.max-body-kb}):
     * query definitions and i2b2 messages are small, and these endpoints parse what they read.
     */
    public long maxCohortBodyBytes() {
        return value("smartcc.cohort.max-body-kb", Long.class) * 1024;
    }

    /** The largest preferences or scratchpad document, in bytes ({@code smartcc.app-data.max-kb}). */
    public int maxAppDataBytes() {
        return value("smartcc.app-data.max-kb", Integer.class) * 1024;
    }

    /** Origins allowed to call the API from a browser (CORS): {@code *} or a comma-separated list. */
    public String corsOrigins() {
        return value("smartcc.cors.origins", String.class);
    }

    /**
     * Origins allowed to call the i2b2 cells from a browser, which take passwords: a comma-separated list, where an
     * origin may end in {@code :*} for any port; unset = none.
     */
    public String i2b2CorsOrigins() {
        return optional("smartcc.i2b2.cors.origins").orElse("");
    }

    /** Small-cell protection of cohort counts ({@code smartcc.privacy.*}, see docs/privacy.md). */
    public org.smartcc.engine.privacy.PrivacySettings privacySettings() {
        return org.smartcc.engine.privacy.PrivacySettings.from(key -> config.getOptionalValue(key, String.class));
    }

    /** How many cohort runs are processed at once, when a run times out, and how i2b2's SQL breakdowns group. */
    public org.smartcc.engine.run.RunSettings runSettings() {
        return new org.smartcc.engine.run.RunSettings(value("smartcc.cohort.concurrent-runs", Integer.class),
                Duration.ofMinutes(value("smartcc.cohort.timeout-minutes", Integer.class)), true,
                breakdownSettings());
    }

    /**
     * i2b2's SQL breakdowns: {@code smartcc.breakdown.top-n} and {@code smartcc.breakdown.los-groups}.
     *
     * @throws org.smartcc.store.domain.InvalidSettingException naming the key of a value that cannot be used (the
     *                                                          container does not start)
     */
    public org.smartcc.engine.run.BreakdownSettings breakdownSettings() {
        return org.smartcc.engine.run.BreakdownSettings.from(Map.of(
                "smartcc.breakdown.top-n", value("smartcc.breakdown.top-n", String.class),
                "smartcc.breakdown.los-groups", value("smartcc.breakdown.los-groups", String.class)));
    }

    /**
     * The day on which demographic age terms count ({@code smartcc.cohort.age-as-of}, {@code YYYY-MM-DD}); unset, the
     * engine counts on the day of each run.
     *
     * @throws IllegalArgumentException when the value is not such a date (the container does not start)
     */
    public Optional<LocalDate> cohortAgeAsOf() {
        return optional("smartcc.cohort.age-as-of").map(text -> {
            try {
                return LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("smartcc.cohort.age-as-of must be a date YYYY-MM-DD, not '" + text
                        + "'", e);
            }
        });
    }

    /**
     * Whether i2b2's public demo login (domain {@code i2b2demo}, user {@code demo}, password {@code demouser}) is a
     * cohort user, so that i2b2's own test messages run unchanged: on in the development profile only.
     */
    public boolean cohortDemoLogin() {
        return value("smartcc.cohort.demo-login", Boolean.class);
    }

    /** The most records one streamed population read serves before its cursor ({@code smartcc.population.page-records}). */
    public int populationPageRecords() {
        return value("smartcc.population.page-records", Integer.class);
    }

    /**
     * The secret population cursors are signed with ({@code smartcc.population.cursor-secret}, at least 16 bytes);
     * unset, one made at random and stored in the database on first use, so cursors survive restarts either way.
     */
    public Optional<String> populationCursorSecret() {
        return optional("smartcc.population.cursor-secret");
    }

    /** Where exports write their files ({@code smartcc.export.dir}); unset, {@code <data dir>/exports}. */
    public Path exportDirectory() {
        return optional("smartcc.export.dir").map(Path::of).orElseGet(() -> dataDirectory().resolve("exports"))
                .toAbsolutePath();
    }

    /** The size export files are split at, in bytes ({@code smartcc.export.max-file-bytes}). */
    public long exportMaxFileBytes() {
        return value("smartcc.export.max-file-bytes", Long.class);
    }

    /** How long an export's files are kept after it ended ({@code smartcc.export.ttl}, ISO-8601, e.g. PT24H). */
    public Duration exportTtl() {
        return Duration.parse(value("smartcc.export.ttl", String.class).trim());
    }

    /** Where an i2b2 warehouse is and who reads it; its text form leaves the password out. */
    public record WarehouseLogin(String url, String user, String password) {

        @Override
        public String toString() {
            return "WarehouseLogin[user=" + user + "]";
        }
    }

    /** What the container manifest says about the container itself. */
    public record ContainerIdentity(String name, String description, String admin) {
    }
}
