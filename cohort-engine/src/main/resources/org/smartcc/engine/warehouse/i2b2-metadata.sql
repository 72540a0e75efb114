-- i2b2's ontology (metadata) tables, as i2b2 1.7 documents them (create_metadata_tables_postgresql.sql):
-- table_access, the code schemes, and the ontology tables that the demo's table_access names. Every ontology table
-- has the columns of i2b2 (the others are made from it: CREATE TABLE ... AS ... WITH NO DATA, which H2 and
-- PostgreSQL both run); ICD10_ICD9 also has the plain_code column its insert script fills. Portable SQL.

CREATE TABLE table_access (
  c_table_cd         VARCHAR(50)   NOT NULL,
  c_table_name       VARCHAR(50)   NOT NULL,
  c_protected_access CHAR(1),
  c_ontology_protection TEXT,
  c_hlevel           INTEGER       NOT NULL,
  c_fullname         VARCHAR(700)  NOT NULL,
  c_name             VARCHAR(2000) NOT NULL,
  c_synonym_cd       CHAR(1)       NOT NULL,
  c_visualattributes CHAR(3)       NOT NULL,
  c_totalnum         INTEGER,
  c_basecode         VARCHAR(50),
  c_metadataxml      TEXT,
  c_facttablecolumn  VARCHAR(50)   NOT NULL,
  c_dimtablename     VARCHAR(50)   NOT NULL,
  c_columnname       VARCHAR(50)   NOT NULL,
  c_columndatatype   VARCHAR(50)   NOT NULL,
  c_operator         VARCHAR(10)   NOT NULL,
  c_dimcode          VARCHAR(700)  NOT NULL,
  c_comment          TEXT,
  c_tooltip          VARCHAR(900),
  c_entry_date       TIMESTAMP,
  c_change_date      TIMESTAMP,
  c_status_cd        CHAR(1),
  valuetype_cd       VARCHAR(50)
);

CREATE TABLE schemes (
  c_key         VARCHAR(50) NOT NULL PRIMARY KEY,
  c_name        VARCHAR(50) NOT NULL,
  c_description VARCHAR(100)
);

CREATE TABLE i2b2 (
  c_hlevel           INTEGER       NOT NULL,
  c_fullname         VARCHAR(700)  NOT NULL,
  c_name             VARCHAR(2000) NOT NULL,
  c_synonym_cd       CHAR(1)       NOT NULL,
  c_visualattributes CHAR(3)       NOT NULL,
  c_totalnum         INTEGER,
  c_basecode         VARCHAR(50),
  c_metadataxml      TEXT,
  c_facttablecolumn  VARCHAR(50)   NOT NULL,
  c_tablename        VARCHAR(50)   NOT NULL,
  c_columnname       VARCHAR(50)   NOT NULL,
  c_columndatatype   VARCHAR(50)   NOT NULL,
  c_operator         VARCHAR(10)   NOT NULL,
  c_dimcode          VARCHAR(700)  NOT NULL,
  c_comment          TEXT,
  c_tooltip          VARCHAR(900),
  m_applied_path     VARCHAR(700)  NOT NULL,
  update_date        TIMESTAMP     NOT NULL,
  download_date      TIMESTAMP,
  import_date        TIMESTAMP,
  sourcesystem_cd    VARCHAR(50),
  valuetype_cd       VARCHAR(50),
  m_exclusion_cd     VARCHAR(25),
  c_path             VARCHAR(700),
  c_symbol           VARCHAR(50)
);
CREATE INDEX i2b2_fullname_idx ON i2b2 (c_fullname);

CREATE TABLE custom_meta AS SELECT * FROM i2b2 WITH NO DATA;
CREATE INDEX custom_meta_fullname_idx ON custom_meta (c_fullname);

CREATE TABLE birn AS SELECT * FROM i2b2 WITH NO DATA;
CREATE INDEX birn_fullname_idx ON birn (c_fullname);

CREATE TABLE icd10_icd9 AS SELECT * FROM i2b2 WITH NO DATA;
ALTER TABLE icd10_icd9 ADD COLUMN plain_code VARCHAR(25);
CREATE INDEX icd10_icd9_fullname_idx ON icd10_icd9 (c_fullname);
