package org.smartcc.oauth.internal.jpa;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.smartcc.oauth.application.AppRepository;
import org.smartcc.oauth.domain.App;

/**
 * Installed apps. Every signed request looks its app up, so lookups are remembered for a few seconds: a save in
 * this server is seen at once, one made by another server sharing the database within {@link #TTL_NANOS}.
 */
public final class JpaAppRepository implements AppRepository {

    static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private record Cached(Optional<App> app, long expiresAt) {
    }

    private final ContainerPersistence persistence;
    private final Map<String, Cached> recent = new ConcurrentHashMap<>();

    public JpaAppRepository(ContainerPersistence persistence) {
        this.persistence = persistence;
    }

    @Override
    public void save(App app) {
        persistence.runInTransaction(em -> em.merge(AppEntity.of(app)));
        recent.remove(app.id());
    }

    @Override
    public Optional<App> find(String appId) {
        long now = System.nanoTime();
        Cached cached = recent.get(appId);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.app();
        }
        Optional<App> app = persistence.read(em -> Optional.ofNullable(em.find(AppEntity.class, appId))
                .map(AppEntity::toDomain));
        if (recent.size() > 10_000) {
            recent.clear();
        }
        recent.put(appId, new Cached(app, now + TTL_NANOS));
        return app;
    }

    @Override
    public List<App> findAll() {
        return persistence.read(em -> em.createQuery("SELECT a FROM AppEntity a ORDER BY a.appId", AppEntity.class)
                .getResultList().stream().map(AppEntity::toDomain).toList());
    }
}
