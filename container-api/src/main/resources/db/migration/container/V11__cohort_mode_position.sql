-- Where a user stopped paging an app through one of their patient sets (cohort mode, issue 14): the position among
-- the set's SMART records, from 1, and the app they paged with. Instants are epoch milliseconds (BIGINT).
CREATE TABLE cohort_mode_position (
  user_id             VARCHAR(255)  NOT NULL,
  result_instance_id  BIGINT        NOT NULL REFERENCES qt_query_result_instance (result_instance_id),
  position            INTEGER       NOT NULL,
  app_id              VARCHAR(255),
  updated_ms          BIGINT        NOT NULL,
  PRIMARY KEY (user_id, result_instance_id)
);
