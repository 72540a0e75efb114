/** Internal Spark adapters: session set-up (local, cluster, Spark Connect), job control, the snapshot writer. */
package org.smartcc.engine.internal.spark;
