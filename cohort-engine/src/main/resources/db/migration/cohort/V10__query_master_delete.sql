-- Saved queries (i2b2's query master list): a deleted query master leaves its user's list but stays, with its runs
-- and patient sets, readable by id (i2b2's delete_flag and delete_date in one column: null while it is listed).
ALTER TABLE qt_query_master ADD COLUMN deleted_ms BIGINT;
-- the list: a user's masters, newest first
CREATE INDEX qt_master_created ON qt_query_master (user_id, create_ms);
