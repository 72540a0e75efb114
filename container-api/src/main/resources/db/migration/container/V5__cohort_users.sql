-- Researchers who may run cohort queries (REST API and the i2b2 endpoint), with salted PBKDF2 password hashes and
-- their data roles (i2b2's DATA_OBFSC, DATA_AGG, ...: they decide whether counts are shown exactly).
CREATE TABLE cohort_user (
  user_id        VARCHAR(255)  NOT NULL PRIMARY KEY,
  -- pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>
  password_hash  VARCHAR(500)  NOT NULL,
  roles          VARCHAR(1000) NOT NULL,
  updated_ms     BIGINT        NOT NULL
);
