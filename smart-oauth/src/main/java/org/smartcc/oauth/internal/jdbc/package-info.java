/**
 * Internal: the provider's state in plain JDBC over the clinical store's DataSource (tables of Flyway V2): apps,
 * users, tokens and nonces. Each call is one statement; the hot path (nonce insert, token lookup) costs a single
 * round trip.
 */
package org.smartcc.oauth.internal.jdbc;
