-- Opaque app data (smart-classic §2.6), kept with the content type the app sent: preferences per (user, app) and
-- the scratchpad per (record, app). Removed with their app. ${blob} is BLOB on H2 and BYTEA on PostgreSQL.

CREATE TABLE user_preferences (
  user_id       VARCHAR(255) NOT NULL,
  app_id        VARCHAR(255) NOT NULL,
  content_type  VARCHAR(255) NOT NULL,
  data          ${blob}      NOT NULL,
  updated_ms    BIGINT       NOT NULL,
  PRIMARY KEY (user_id, app_id),
  CONSTRAINT user_preferences_app_fk FOREIGN KEY (app_id) REFERENCES container_app (app_id) ON DELETE CASCADE
);

CREATE TABLE record_scratchpad (
  record_id     VARCHAR(255) NOT NULL,
  app_id        VARCHAR(255) NOT NULL,
  content_type  VARCHAR(255) NOT NULL,
  data          ${blob}      NOT NULL,
  updated_ms    BIGINT       NOT NULL,
  PRIMARY KEY (record_id, app_id),
  CONSTRAINT record_scratchpad_app_fk FOREIGN KEY (app_id) REFERENCES container_app (app_id) ON DELETE CASCADE
);
