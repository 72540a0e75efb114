package org.smartcc.oauth.internal.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.smartcc.oauth.application.UserRepository;
import org.smartcc.oauth.domain.User;
import org.smartcc.store.Database;
import org.smartcc.store.Jdbc;

/** The container's users ({@code container_user}). */
public final class JdbcUserRepository implements UserRepository {

    private static final String COLUMNS = "user_id, given_name, family_name, department, user_role";

    private final Jdbc jdbc;
    private final String upsert;

    public JdbcUserRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
        this.upsert = database.dialect().upsert("container_user", List.of(COLUMNS.split(", ")));
    }

    @Override
    public void save(User user) {
        jdbc.update("saving the user", upsert, user.id(), user.givenName(), user.familyName(), user.department(),
                user.role());
    }

    @Override
    public Optional<User> find(String userId) {
        return jdbc.first("reading the user", "SELECT " + COLUMNS + " FROM container_user WHERE user_id = ?",
                JdbcUserRepository::user, userId);
    }

    @Override
    public List<User> findAll() {
        return jdbc.list("reading the users", "SELECT " + COLUMNS + " FROM container_user ORDER BY user_id",
                JdbcUserRepository::user);
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5));
    }
}
