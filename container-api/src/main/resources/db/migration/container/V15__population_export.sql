-- Asynchronous exports of a patient set's data (issue 15): one row per export, its state and progress, so that an
-- export survives a restart of the server (it resumes after its last complete file, or fails if its set changed).
-- Instants are epoch milliseconds.
CREATE TABLE population_export (
  export_id           VARCHAR(64)    NOT NULL PRIMARY KEY,
  app_id              VARCHAR(255)   NOT NULL,
  granted_by          VARCHAR(255)   NOT NULL,
  result_instance_id  BIGINT         NOT NULL,
  -- comma-separated collection names and media types; the parts are each collection in each format, in that order
  collections         VARCHAR(2000)  NOT NULL,
  formats             VARCHAR(1000)  NOT NULL,
  -- the per-record filters as a form-encoded query string
  filters             VARCHAR(4000)  NOT NULL,
  api_base            VARCHAR(1000)  NOT NULL,
  -- RUNNING, DONE, FAILED, CANCELLED or EXPIRED
  state               VARCHAR(10)    NOT NULL,
  fingerprint         VARCHAR(64)    NOT NULL,
  records_total       BIGINT         NOT NULL,
  records_done        BIGINT         NOT NULL,
  bytes               BIGINT         NOT NULL,
  parts_done          INTEGER        NOT NULL,
  message             VARCHAR(1000),
  created_ms          BIGINT         NOT NULL,
  finished_ms         BIGINT,
  expires_ms          BIGINT
);
CREATE INDEX population_export_state ON population_export (state);

-- The complete files of an export, numbered from 1 in the order written; a file is listed once it is renamed from
-- its temporary name, so a listed file is never half written.
CREATE TABLE population_export_file (
  export_id       VARCHAR(64)    NOT NULL REFERENCES population_export (export_id),
  file_no         INTEGER        NOT NULL,
  part            INTEGER        NOT NULL,
  collection      VARCHAR(100)   NOT NULL,
  format          VARCHAR(100)   NOT NULL,
  file_name       VARCHAR(255)   NOT NULL,
  records         BIGINT         NOT NULL,
  statements      BIGINT         NOT NULL,
  bytes           BIGINT         NOT NULL,
  last_record_id  VARCHAR(200)   NOT NULL,
  PRIMARY KEY (export_id, file_no)
);
