/** JDBC adapter, internal: the provider's hot path, where a JPA unit of work costs more than the work. */
package org.smartcc.oauth.internal.jdbc;
