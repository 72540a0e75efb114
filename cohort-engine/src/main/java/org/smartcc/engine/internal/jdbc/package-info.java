/**
 * Internal: the engine's tables in the clinical store's database, in plain JDBC: the registry of Parquet snapshots,
 * query masters (also as saved queries), runs, results and patient sets (Flyway V4, V10).
 */
package org.smartcc.engine.internal.jdbc;
