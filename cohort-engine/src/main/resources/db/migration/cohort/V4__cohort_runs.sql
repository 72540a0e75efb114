-- Cohort queries and their results (module cohort-engine, mapped with JPA except the set collections, which are
-- written in JDBC batches). Named and shaped after i2b2's QT_ tables (cohort-model §1.7): a query master holds the
-- definition, each run of it is a query instance, each requested result type a result instance.
-- Instants are epoch milliseconds (BIGINT). ${clob} is CLOB on H2 and TEXT on PostgreSQL.
-- Ids come from sequences (EclipseLink's H2 platform still asks H2 2.x for IDENTITY(), which H2 dropped).

CREATE SEQUENCE qt_query_master_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE qt_query_instance_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE qt_query_result_instance_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE qt_query_master (
  query_master_id  BIGINT        NOT NULL PRIMARY KEY,
  name             VARCHAR(250)  NOT NULL,
  user_id          VARCHAR(255)  NOT NULL,
  create_ms        BIGINT        NOT NULL,
  definition_json  ${clob}       NOT NULL,
  -- SHA-256 of the definition without its name: "the same query" for the obfuscation lockout
  fingerprint      VARCHAR(64)   NOT NULL,
  generated_plan   ${clob}
);
CREATE INDEX qt_master_user ON qt_query_master (user_id, fingerprint);

CREATE TABLE qt_query_instance (
  query_instance_id  BIGINT        NOT NULL PRIMARY KEY,
  query_master_id    BIGINT        NOT NULL REFERENCES qt_query_master (query_master_id),
  user_id            VARCHAR(255)  NOT NULL,
  -- QUEUED, PROCESSING, FINISHED, ERROR, INCOMPLETE, CANCELLED, TIMEDOUT (i2b2's status names)
  status             VARCHAR(20)   NOT NULL,
  snapshot_id        VARCHAR(100),
  submit_ms          BIGINT        NOT NULL,
  start_ms           BIGINT,
  end_ms             BIGINT,
  timeout_ms         BIGINT,
  message            VARCHAR(4000),
  warnings           ${clob}
);
CREATE INDEX qt_instance_master ON qt_query_instance (query_master_id);
CREATE INDEX qt_instance_status ON qt_query_instance (status);

CREATE TABLE qt_query_result_instance (
  result_instance_id  BIGINT        NOT NULL PRIMARY KEY,
  query_instance_id   BIGINT        NOT NULL REFERENCES qt_query_instance (query_instance_id),
  result_type         VARCHAR(50)   NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  -- what the user may see, and the exact count that only roles with exact access are shown
  set_size            BIGINT,
  real_set_size       BIGINT,
  obfuscate_method    VARCHAR(20),
  -- breakdown cells as JSON: {"F": {"value": 40, "display": "40", "suppressed": false}, ...}
  breakdown_json      ${clob},
  end_ms              BIGINT
);
CREATE INDEX qt_result_instance ON qt_query_result_instance (query_instance_id);

CREATE TABLE qt_patient_set_collection (
  result_instance_id  BIGINT   NOT NULL REFERENCES qt_query_result_instance (result_instance_id),
  set_index           INTEGER  NOT NULL,
  patient_num         INTEGER  NOT NULL,
  PRIMARY KEY (result_instance_id, set_index)
);

CREATE TABLE qt_patient_enc_collection (
  result_instance_id  BIGINT   NOT NULL REFERENCES qt_query_result_instance (result_instance_id),
  set_index           INTEGER  NOT NULL,
  patient_num         INTEGER  NOT NULL,
  encounter_num       INTEGER  NOT NULL,
  PRIMARY KEY (result_instance_id, set_index)
);
