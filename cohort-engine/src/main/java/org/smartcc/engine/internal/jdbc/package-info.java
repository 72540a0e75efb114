/**
 * Internal: the engine's tables in the clinical store's database, in plain JDBC: the registry of Parquet snapshots,
 * and query masters, runs, results and patient sets (Flyway V4).
 */
package org.smartcc.engine.internal.jdbc;
