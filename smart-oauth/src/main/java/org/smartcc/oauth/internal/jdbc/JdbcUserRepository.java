package org.smartcc.oauth.internal.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.smartcc.oauth.application.UserRepository;
import org.smartcc.oauth.domain.DataRole;
import org.smartcc.oauth.domain.User;
import org.smartcc.oauth.domain.UserRole;
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

    @Override
    public Optional<String> passwordHash(String userId) {
        return jdbc.first("reading the password hash", "SELECT password_hash FROM container_user WHERE user_id = ?"
                + " AND password_hash IS NOT NULL", row -> row.getString(1), userId);
    }

    @Override
    public void setPasswordHash(String userId, String passwordHash) {
        jdbc.update("saving the password hash", "UPDATE container_user SET password_hash = ? WHERE user_id = ?",
                passwordHash, userId);
    }

    @Override
    public Set<UserRole> roles(String userId) {
        Set<UserRole> roles = EnumSet.noneOf(UserRole.class);
        roles.addAll(jdbc.list("reading the user's roles", "SELECT role_name FROM container_user_role"
                + " WHERE user_id = ?", row -> UserRole.ofName(row.getString(1)), userId));
        return roles;
    }

    @Override
    public Map<String, Set<UserRole>> allRoles() {
        record Granted(String userId, UserRole role) {
        }
        return jdbc.list("reading the roles", "SELECT user_id, role_name FROM container_user_role",
                row -> new Granted(row.getString(1), UserRole.ofName(row.getString(2)))).stream()
                .collect(Collectors.groupingBy(Granted::userId, TreeMap::new, Collectors.mapping(Granted::role,
                        Collectors.<UserRole, Set<UserRole>>toCollection(() -> EnumSet.noneOf(UserRole.class)))));
    }

    @Override
    public void setRoles(String userId, Set<UserRole> roles) {
        jdbc.inTransaction("saving the user's roles", statements -> {
            statements.update("DELETE FROM container_user_role WHERE user_id = ?", userId);
            for (UserRole role : roles) {
                statements.update("INSERT INTO container_user_role (user_id, role_name) VALUES (?, ?)", userId,
                        role.roleName());
            }
            return roles.size();
        });
    }

    @Override
    public Set<DataRole> dataRoles(String userId) {
        Set<DataRole> roles = EnumSet.noneOf(DataRole.class);
        jdbc.first("reading the user's data roles", "SELECT data_roles FROM container_user WHERE user_id = ?",
                row -> row.getString(1), userId).ifPresent(names -> Arrays.stream(names.split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).forEach(name -> roles.add(DataRole.ofName(name))));
        return roles;
    }

    @Override
    public void setDataRoles(String userId, Set<DataRole> dataRoles) {
        jdbc.update("saving the user's data roles", "UPDATE container_user SET data_roles = ? WHERE user_id = ?",
                dataRoles.stream().map(DataRole::name).sorted().collect(Collectors.joining(",")), userId);
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5));
    }
}
