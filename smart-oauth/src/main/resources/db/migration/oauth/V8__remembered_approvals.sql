-- Approvals a user gave an app on a record, remembered so that the next request token of that app for that user and
-- record is approved without asking again (smart-classic §4.4 step 4, the reference's "kind=same").
-- record_key is the record id, or '' for container-scope apps (a primary key column cannot be NULL).
CREATE TABLE oauth_approval (
  app_id       VARCHAR(255) NOT NULL,
  user_id      VARCHAR(255) NOT NULL,
  record_key   VARCHAR(255) NOT NULL,
  approved_ms  BIGINT       NOT NULL,
  CONSTRAINT oauth_approval_pk PRIMARY KEY (app_id, user_id, record_key),
  CONSTRAINT oauth_approval_app_fk FOREIGN KEY (app_id) REFERENCES container_app (app_id) ON DELETE CASCADE
);
