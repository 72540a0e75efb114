-- i2b2 CRC star schema (after i2b2 1.8 crc_create_datamart_postgresql.sql), identical on H2 and PostgreSQL.
-- ${clob} is CLOB on H2 and TEXT on PostgreSQL (see StarSchema).

CREATE TABLE patient_dimension (
  patient_num        INTEGER      NOT NULL PRIMARY KEY,
  vital_status_cd    VARCHAR(50),
  birth_date         TIMESTAMP,
  death_date         TIMESTAMP,
  sex_cd             VARCHAR(50),
  age_in_years_num   INTEGER,
  language_cd        VARCHAR(50),
  race_cd            VARCHAR(50),
  marital_status_cd  VARCHAR(50),
  religion_cd        VARCHAR(50),
  zip_cd             VARCHAR(10),
  statecityzip_path  VARCHAR(700),
  income_cd          VARCHAR(50),
  patient_blob       ${clob},
  update_date        TIMESTAMP,
  download_date      TIMESTAMP,
  import_date        TIMESTAMP,
  sourcesystem_cd    VARCHAR(50),
  upload_id          INTEGER
);

CREATE TABLE visit_dimension (
  encounter_num      INTEGER      NOT NULL,
  patient_num        INTEGER      NOT NULL,
  active_status_cd   VARCHAR(50),
  start_date         TIMESTAMP,
  end_date           TIMESTAMP,
  inout_cd           VARCHAR(50),
  location_cd        VARCHAR(50),
  location_path      VARCHAR(900),
  length_of_stay     INTEGER,
  visit_blob         ${clob},
  update_date        TIMESTAMP,
  download_date      TIMESTAMP,
  import_date        TIMESTAMP,
  sourcesystem_cd    VARCHAR(50),
  upload_id          INTEGER,
  CONSTRAINT visit_dimension_pk PRIMARY KEY (encounter_num, patient_num)
);
CREATE INDEX vd_idx_dates ON visit_dimension (start_date, end_date);

CREATE TABLE concept_dimension (
  concept_path       VARCHAR(700) NOT NULL PRIMARY KEY,
  concept_cd         VARCHAR(50),
  name_char          VARCHAR(2000),
  concept_blob       ${clob},
  update_date        TIMESTAMP,
  download_date      TIMESTAMP,
  import_date        TIMESTAMP,
  sourcesystem_cd    VARCHAR(50),
  upload_id          INTEGER
);
CREATE INDEX cd_idx_concept_cd ON concept_dimension (concept_cd);

CREATE TABLE modifier_dimension (
  modifier_path      VARCHAR(700) NOT NULL PRIMARY KEY,
  modifier_cd        VARCHAR(50),
  name_char          VARCHAR(2000),
  modifier_blob      ${clob},
  update_date        TIMESTAMP,
  download_date      TIMESTAMP,
  import_date        TIMESTAMP,
  sourcesystem_cd    VARCHAR(50),
  upload_id          INTEGER
);

CREATE TABLE provider_dimension (
  provider_id        VARCHAR(50)  NOT NULL,
  provider_path      VARCHAR(700) NOT NULL,
  name_char          VARCHAR(850),
  provider_blob      ${clob},
  update_date        TIMESTAMP,
  download_date      TIMESTAMP,
  import_date        TIMESTAMP,
  sourcesystem_cd    VARCHAR(50),
  upload_id          INTEGER,
  CONSTRAINT provider_dimension_pk PRIMARY KEY (provider_path, provider_id)
);

CREATE TABLE observation_fact (
  encounter_num      INTEGER      NOT NULL,
  patient_num        INTEGER      NOT NULL,
  concept_cd         VARCHAR(50)  NOT NULL,
  provider_id        VARCHAR(50)  NOT NULL,
  start_date         TIMESTAMP    NOT NULL,
  modifier_cd        VARCHAR(100) DEFAULT '@' NOT NULL,
  instance_num       INTEGER      DEFAULT 1 NOT NULL,
  valtype_cd         VARCHAR(50),
  tval_char          VARCHAR(255),
  nval_num           DECIMAL(18,5),
  valueflag_cd       VARCHAR(50),
  quantity_num       DECIMAL(18,5),
  units_cd           VARCHAR(50),
  end_date           TIMESTAMP,
  location_cd        VARCHAR(50),
  observation_blob   ${clob},
  confidence_num     DECIMAL(18,5),
  update_date        TIMESTAMP,
  download_date      TIMESTAMP,
  import_date        TIMESTAMP,
  sourcesystem_cd    VARCHAR(50),
  upload_id          INTEGER,
  text_search_index  INTEGER,
  CONSTRAINT observation_fact_pk PRIMARY KEY
    (patient_num, concept_cd, modifier_cd, start_date, encounter_num, instance_num, provider_id)
);
CREATE INDEX of_idx_concept_cd ON observation_fact (concept_cd);
CREATE INDEX of_idx_start_date ON observation_fact (start_date, patient_num);
CREATE INDEX of_idx_modifier ON observation_fact (modifier_cd);
CREATE INDEX of_idx_encounter_patient ON observation_fact (encounter_num, patient_num, instance_num);

CREATE TABLE patient_mapping (
  patient_ide         VARCHAR(200) NOT NULL,
  patient_ide_source  VARCHAR(50)  NOT NULL,
  patient_num         INTEGER      NOT NULL,
  patient_ide_status  VARCHAR(50),
  project_id          VARCHAR(50)  NOT NULL,
  update_date         TIMESTAMP,
  download_date       TIMESTAMP,
  import_date         TIMESTAMP,
  sourcesystem_cd     VARCHAR(50),
  upload_id           INTEGER,
  CONSTRAINT patient_mapping_pk PRIMARY KEY (patient_ide, patient_ide_source, project_id)
);
CREATE INDEX pm_idx_patient_num ON patient_mapping (patient_num);

CREATE TABLE encounter_mapping (
  encounter_ide         VARCHAR(200) NOT NULL,
  encounter_ide_source  VARCHAR(50)  NOT NULL,
  project_id            VARCHAR(50)  NOT NULL,
  encounter_num         INTEGER      NOT NULL,
  patient_ide           VARCHAR(200) NOT NULL,
  patient_ide_source    VARCHAR(50)  NOT NULL,
  encounter_ide_status  VARCHAR(50),
  update_date           TIMESTAMP,
  download_date         TIMESTAMP,
  import_date           TIMESTAMP,
  sourcesystem_cd       VARCHAR(50),
  upload_id             INTEGER,
  CONSTRAINT encounter_mapping_pk PRIMARY KEY
    (encounter_ide, encounter_ide_source, project_id, patient_ide, patient_ide_source)
);
CREATE INDEX em_idx_encounter_num ON encounter_mapping (encounter_num);

CREATE TABLE code_lookup (
  table_cd         VARCHAR(100) NOT NULL,
  column_cd        VARCHAR(100) NOT NULL,
  code_cd          VARCHAR(50)  NOT NULL,
  name_char        VARCHAR(650),
  lookup_blob      ${clob},
  upload_date      TIMESTAMP,
  update_date      TIMESTAMP,
  download_date    TIMESTAMP,
  import_date      TIMESTAMP,
  sourcesystem_cd  VARCHAR(50),
  upload_id        INTEGER,
  CONSTRAINT code_lookup_pk PRIMARY KEY (table_cd, column_cd, code_cd)
);

-- Container bookkeeping for the clinical store (not part of i2b2).
-- One row per loaded source record: lets a reload of an unchanged file be a no-op.
CREATE TABLE record_source (
  patient_num     INTEGER      NOT NULL PRIMARY KEY,
  record_id       VARCHAR(200) NOT NULL UNIQUE,
  source_name     VARCHAR(500) NOT NULL,
  source_sha256   VARCHAR(64)  NOT NULL,
  statement_count INTEGER      NOT NULL,
  loaded_at       TIMESTAMP    NOT NULL
);

-- Parquet snapshots written for the cohort engine.
CREATE TABLE parquet_snapshot (
  snapshot_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
  created_at    TIMESTAMP     NOT NULL,
  location      VARCHAR(1000) NOT NULL,
  patient_count BIGINT        NOT NULL,
  fact_count    BIGINT        NOT NULL
);

-- Surrogate keys for patient_num and encounter_num.
CREATE SEQUENCE patient_num_seq START WITH 1;
CREATE SEQUENCE encounter_num_seq START WITH 1;
