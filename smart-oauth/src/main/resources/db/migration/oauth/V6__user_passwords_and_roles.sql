-- Users who sign in to the launcher: a salted PBKDF2 password hash (NULL: the user cannot sign in) and their roles.
-- Identical on H2 and PostgreSQL.
-- pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>
ALTER TABLE container_user ADD COLUMN password_hash VARCHAR(500);

-- researcher, clinician or admin (the domain model's UserRole decides which names are valid).
CREATE TABLE container_user_role (
  user_id    VARCHAR(255) NOT NULL,
  role_name  VARCHAR(40)  NOT NULL,
  CONSTRAINT container_user_role_pk PRIMARY KEY (user_id, role_name),
  CONSTRAINT container_user_role_user_fk FOREIGN KEY (user_id) REFERENCES container_user (user_id) ON DELETE CASCADE
);
