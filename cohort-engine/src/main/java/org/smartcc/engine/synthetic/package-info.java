/** A deterministic synthetic patient generator that writes the i2b2 star schema and a Parquet snapshot in one run. */
package org.smartcc.engine.synthetic;
