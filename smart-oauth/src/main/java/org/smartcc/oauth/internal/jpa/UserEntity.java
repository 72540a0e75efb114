package org.smartcc.oauth.internal.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.smartcc.oauth.domain.User;

/** Row of {@code container_user}. */
@Entity
@Table(name = "container_user")
public class UserEntity {

    @Id
    @Column(name = "user_id")
    private String userId;
    @Column(name = "given_name")
    private String givenName;
    @Column(name = "family_name")
    private String familyName;
    @Column(name = "department")
    private String department;
    @Column(name = "user_role")
    private String role;

    protected UserEntity() {
        // for JPA
    }

    static UserEntity of(User user) {
        UserEntity e = new UserEntity();
        e.userId = user.id();
        e.givenName = user.givenName();
        e.familyName = user.familyName();
        e.department = user.department();
        e.role = user.role();
        return e;
    }

    User toDomain() {
        return new User(userId, givenName, familyName, department, role);
    }
}
