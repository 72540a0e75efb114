/** Spark adapters: session set-up (in-process, cluster, Spark Connect), job control, the Parquet snapshot writer. */
package org.smartcc.engine.infrastructure.spark;
