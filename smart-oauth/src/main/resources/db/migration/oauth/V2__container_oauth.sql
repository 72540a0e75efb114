-- Container OAuth state (module smart-oauth, mapped with JPA; JPA never generates this schema).
-- Identical on H2 and PostgreSQL. ${clob} is CLOB on H2 and TEXT on PostgreSQL.
-- Instants are epoch milliseconds (BIGINT), so the stored values do not depend on the JVM or session time zone.

-- Installed apps; the app id is the OAuth consumer key. HMAC-SHA1 needs the plaintext consumer secret.
CREATE TABLE container_app (
  app_id           VARCHAR(255)  NOT NULL PRIMARY KEY,
  name             VARCHAR(500)  NOT NULL,
  description      VARCHAR(2000) NOT NULL,
  app_mode         VARCHAR(20)   NOT NULL,
  app_scope        VARCHAR(20)   NOT NULL,
  index_url        VARCHAR(2000),
  oauth_callback   VARCHAR(2000),
  consumer_secret  VARCHAR(255)  NOT NULL,
  manifest_json    ${clob}       NOT NULL,
  installed_ms     BIGINT        NOT NULL
);

CREATE TABLE container_user (
  user_id      VARCHAR(255) NOT NULL PRIMARY KEY,
  given_name   VARCHAR(255),
  family_name  VARCHAR(255),
  department   VARCHAR(255),
  user_role    VARCHAR(255)
);

-- Request, access, background and SMART Connect tokens; removed with their app.
CREATE TABLE oauth_token (
  token        VARCHAR(64)  NOT NULL PRIMARY KEY,
  secret       VARCHAR(64)  NOT NULL,
  kind         VARCHAR(20)  NOT NULL,
  app_id       VARCHAR(255) NOT NULL,
  user_id      VARCHAR(255),
  record_id    VARCHAR(255),
  verifier     VARCHAR(64),
  created_ms   BIGINT       NOT NULL,
  expires_ms   BIGINT       NOT NULL,
  revoked      BOOLEAN      NOT NULL,
  CONSTRAINT oauth_token_app_fk FOREIGN KEY (app_id) REFERENCES container_app (app_id) ON DELETE CASCADE
);
CREATE INDEX oauth_token_idx_app_user ON oauth_token (app_id, user_id);
CREATE INDEX oauth_token_idx_user ON oauth_token (user_id);
CREATE INDEX oauth_token_idx_expires ON oauth_token (expires_ms);

-- Nonces seen within the timestamp window. The primary key makes a replay fail in the database,
-- even when two copies of a request arrive at the same time. token_digest is the SHA-256 (hex) of the token, so
-- that no token sits here or in a driver's constraint-violation message; '' for 2-legged requests.
CREATE TABLE oauth_nonce (
  consumer_key  VARCHAR(255) NOT NULL,
  token_digest  VARCHAR(64)  NOT NULL,
  nonce         VARCHAR(255) NOT NULL,
  timestamp_s   BIGINT       NOT NULL,
  CONSTRAINT oauth_nonce_pk PRIMARY KEY (consumer_key, token_digest, nonce, timestamp_s)
);
CREATE INDEX oauth_nonce_idx_timestamp ON oauth_nonce (timestamp_s);
