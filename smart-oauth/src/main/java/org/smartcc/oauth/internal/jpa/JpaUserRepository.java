package org.smartcc.oauth.internal.jpa;

import java.util.List;
import java.util.Optional;
import org.smartcc.oauth.application.UserRepository;
import org.smartcc.oauth.domain.User;

public final class JpaUserRepository implements UserRepository {

    private final ContainerPersistence persistence;

    public JpaUserRepository(ContainerPersistence persistence) {
        this.persistence = persistence;
    }

    @Override
    public void save(User user) {
        persistence.runInTransaction(em -> em.merge(UserEntity.of(user)));
    }

    @Override
    public Optional<User> find(String userId) {
        return persistence.read(em -> Optional.ofNullable(em.find(UserEntity.class, userId))
                .map(UserEntity::toDomain));
    }

    @Override
    public List<User> findAll() {
        return persistence.read(em -> em.createQuery("SELECT u FROM UserEntity u ORDER BY u.userId", UserEntity.class)
                .getResultList().stream().map(UserEntity::toDomain).toList());
    }
}
