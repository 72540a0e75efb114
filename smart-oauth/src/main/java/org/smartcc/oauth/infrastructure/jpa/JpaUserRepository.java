package org.smartcc.oauth.infrastructure.jpa;

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
}
