-- A background app's token loop over its granted sets asks, record by record in id order, whether a patient is a
-- member of a granted set (JdbcSetGrants): without this index each question scanned the whole set, so walking a set
-- of n records cost n^2 (bench/GrantTokenLoopBenchmark). Identical on H2 and PostgreSQL.
CREATE INDEX qt_patient_set_member ON qt_patient_set_collection (result_instance_id, patient_num);
