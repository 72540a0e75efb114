-- i2b2's CRC star schema, as i2b2 1.7 documents it (crc_create_datamart_postgresql.sql): the tables and columns that
-- i2b2's demo insert scripts fill, so that they run unchanged. Portable SQL (H2 and PostgreSQL); the container's own
-- store has its variant of this schema in clinical-store's Flyway V1.

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
  observation_blob   TEXT,
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
  patient_blob       TEXT,
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
  visit_blob         TEXT,
  update_date        TIMESTAMP,
  download_date      TIMESTAMP,
  import_date        TIMESTAMP,
  sourcesystem_cd    VARCHAR(50),
  upload_id          INTEGER,
  CONSTRAINT visit_dimension_pk PRIMARY KEY (encounter_num, patient_num)
);

CREATE TABLE concept_dimension (
  concept_path       VARCHAR(700) NOT NULL PRIMARY KEY,
  concept_cd         VARCHAR(50),
  name_char          VARCHAR(2000),
  concept_blob       TEXT,
  update_date        TIMESTAMP,
  download_date      TIMESTAMP,
  import_date        TIMESTAMP,
  sourcesystem_cd    VARCHAR(50),
  upload_id          INTEGER
);

CREATE TABLE modifier_dimension (
  modifier_path      VARCHAR(700) NOT NULL PRIMARY KEY,
  modifier_cd        VARCHAR(50),
  name_char          VARCHAR(2000),
  modifier_blob      TEXT,
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
  provider_blob      TEXT,
  update_date        TIMESTAMP,
  download_date      TIMESTAMP,
  import_date        TIMESTAMP,
  sourcesystem_cd    VARCHAR(50),
  upload_id          INTEGER,
  CONSTRAINT provider_dimension_pk PRIMARY KEY (provider_path, provider_id)
);

CREATE TABLE patient_mapping (
  patient_ide         VARCHAR(200) NOT NULL,
  patient_ide_source  VARCHAR(50)  NOT NULL,
  patient_num         INTEGER      NOT NULL,
  patient_ide_status  VARCHAR(50),
  project_id          VARCHAR(50)  NOT NULL,
  upload_date         TIMESTAMP,
  update_date         TIMESTAMP,
  download_date       TIMESTAMP,
  import_date         TIMESTAMP,
  sourcesystem_cd     VARCHAR(50),
  upload_id           INTEGER,
  CONSTRAINT patient_mapping_pk PRIMARY KEY (patient_ide, patient_ide_source, project_id)
);

CREATE TABLE encounter_mapping (
  encounter_ide         VARCHAR(200) NOT NULL,
  encounter_ide_source  VARCHAR(50)  NOT NULL,
  project_id            VARCHAR(50)  NOT NULL,
  encounter_num         INTEGER      NOT NULL,
  patient_ide           VARCHAR(200) NOT NULL,
  patient_ide_source    VARCHAR(50)  NOT NULL,
  encounter_ide_status  VARCHAR(50),
  upload_date           TIMESTAMP,
  update_date           TIMESTAMP,
  download_date         TIMESTAMP,
  import_date           TIMESTAMP,
  sourcesystem_cd       VARCHAR(50),
  upload_id             INTEGER,
  CONSTRAINT encounter_mapping_pk PRIMARY KEY
    (encounter_ide, encounter_ide_source, project_id, patient_ide, patient_ide_source)
);

CREATE TABLE code_lookup (
  table_cd         VARCHAR(100) NOT NULL,
  column_cd        VARCHAR(100) NOT NULL,
  code_cd          VARCHAR(50)  NOT NULL,
  name_char        VARCHAR(650),
  lookup_blob      TEXT,
  upload_date      TIMESTAMP,
  update_date      TIMESTAMP,
  download_date    TIMESTAMP,
  import_date      TIMESTAMP,
  sourcesystem_cd  VARCHAR(50),
  upload_id        INTEGER,
  CONSTRAINT code_lookup_pk PRIMARY KEY (table_cd, column_cd, code_cd)
);
