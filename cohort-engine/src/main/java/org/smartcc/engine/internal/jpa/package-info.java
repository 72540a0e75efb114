/** Internal: JPA (EclipseLink) and JDBC storage of query masters, runs, results and patient sets. */
package org.smartcc.engine.internal.jpa;
