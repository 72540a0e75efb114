/** Internal: the registry of Parquet snapshots, kept in the clinical store's database. */
package org.smartcc.engine.internal.jdbc;
