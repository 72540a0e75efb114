package org.smartcc.oauth.infrastructure.jpa;

import java.util.List;
import java.util.Optional;
import org.smartcc.oauth.application.AppRepository;
import org.smartcc.oauth.domain.App;

public final class JpaAppRepository implements AppRepository {

    private final ContainerPersistence persistence;

    public JpaAppRepository(ContainerPersistence persistence) {
        this.persistence = persistence;
    }

    @Override
    public void save(App app) {
        persistence.runInTransaction(em -> em.merge(AppEntity.of(app)));
    }

    @Override
    public Optional<App> find(String appId) {
        return persistence.read(em -> Optional.ofNullable(em.find(AppEntity.class, appId)).map(AppEntity::toDomain));
    }

    @Override
    public List<App> findAll() {
        return persistence.read(em -> em.createQuery("SELECT a FROM AppEntity a ORDER BY a.appId", AppEntity.class)
                .getResultList().stream().map(AppEntity::toDomain).toList());
    }
}
