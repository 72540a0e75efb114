/** Query definitions compiled to Spark DataFrame plans over a Parquet snapshot of the star schema. */
package org.smartcc.engine.query.spark;
