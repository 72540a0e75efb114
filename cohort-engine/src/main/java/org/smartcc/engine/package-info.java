/** The cohort engine's public API: a builder-made engine over Parquet snapshots of the i2b2 star schema. */
package org.smartcc.engine;
