-- The i2b2 data roles of a launcher user, which decide what the cohort API shows them when the launcher acts for them
-- (exact or protected counts, patient sets): comma-separated names of the domain model's DataRole. A user starts with
-- obfuscated counts only, as i2b2's default project user does. Identical on H2 and PostgreSQL.
ALTER TABLE container_user ADD COLUMN data_roles VARCHAR(200) DEFAULT 'DATA_OBFSC' NOT NULL;
