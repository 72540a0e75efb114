/** Command-line entry points for spark-submit: run a query definition file against a snapshot. */
package org.smartcc.engine.batch;
