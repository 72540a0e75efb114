/**
 * Command-line entry points for spark-submit: run a query definition file against a snapshot
 * ({@link org.smartcc.engine.batch.RunQueryFile}), and export a patient set's facts, patients and SMART statements as
 * Parquet ({@link org.smartcc.engine.batch.ExportPatientSet}).
 */
package org.smartcc.engine.batch;
