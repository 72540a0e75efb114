/** JDBC adapter, internal: persistence of records in the i2b2 star schema (H2 or PostgreSQL). */
package org.smartcc.store.internal.jdbc;
