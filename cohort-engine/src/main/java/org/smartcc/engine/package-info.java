/**
 * The cohort engine's front door: a builder-made engine over Parquet snapshots of the i2b2 star schema, which also
 * makes the cohort runs. Exported with the query model, its readers and planner, runs, privacy and the generator.
 */
package org.smartcc.engine;
