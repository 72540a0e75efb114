/** Spark adapters: session set-up for in-process use and the Parquet snapshot writer. */
package org.smartcc.engine.infrastructure.spark;
