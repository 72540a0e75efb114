package org.smartcc.oauth.internal.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.smartcc.oauth.application.AppRepository;
import org.smartcc.oauth.domain.App;
import org.smartcc.oauth.domain.AppMode;
import org.smartcc.oauth.domain.AppScope;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/**
 * Installed apps ({@code container_app}). Every signed request looks its app up, so lookups are remembered for a few
 * seconds: a save in this server is seen at once, one made by another server sharing the database within
 * {@link #TTL_NANOS}.
 */
public final class JdbcAppRepository implements AppRepository {

    private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final String COLUMNS = "app_id, name, description, app_mode, app_scope, index_url, oauth_callback,"
            + " consumer_secret, manifest_json, installed_ms, enabled, legacy_launch";

    private record Cached(Optional<App> app, long expiresAt) {
    }

    private final Jdbc jdbc;
    private final String upsert;
    private final Map<String, Cached> recent = new ConcurrentHashMap<>();

    public JdbcAppRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
        this.upsert = database.dialect().upsert("container_app", List.of(COLUMNS.split(", ")));
    }

    @Override
    public void save(App app) {
        jdbc.update("saving the app", upsert, app.id(), app.name(), app.description(), app.mode().name(),
                app.scope().name(), app.index().orElse(null), app.oauthCallback().orElse(null), app.consumerSecret(),
                app.manifestJson(), app.installedAt().toEpochMilli(), app.enabled(), app.legacyLaunch());
        recent.remove(app.id());
    }

    @Override
    public boolean delete(String appId) {
        int deleted = jdbc.update("removing the app", "DELETE FROM container_app WHERE app_id = ?", appId);
        recent.remove(appId);
        return deleted == 1;
    }

    @Override
    public Optional<App> find(String appId) {
        long now = System.nanoTime();
        Cached cached = recent.get(appId);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.app();
        }
        Optional<App> app = jdbc.first("reading the app", "SELECT " + COLUMNS + " FROM container_app WHERE app_id = ?",
                JdbcAppRepository::app, appId);
        if (recent.size() > 10_000) {
            recent.clear();
        }
        recent.put(appId, new Cached(app, now + TTL_NANOS));
        return app;
    }

    @Override
    public List<App> findAll() {
        return jdbc.list("reading the apps", "SELECT " + COLUMNS + " FROM container_app ORDER BY app_id",
                JdbcAppRepository::app);
    }

    private static App app(ResultSet row) throws SQLException {
        return new App(row.getString(1), row.getString(2), row.getString(3), AppMode.valueOf(row.getString(4)),
                AppScope.valueOf(row.getString(5)), row.getString(6), row.getString(7), row.getString(8),
                row.getString(9), Instant.ofEpochMilli(row.getLong(10)), row.getBoolean(11), row.getBoolean(12));
    }
}
