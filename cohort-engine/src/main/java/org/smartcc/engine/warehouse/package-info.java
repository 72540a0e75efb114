/** An i2b2 warehouse as the engine's data source: i2b2's CRC and ontology tables, their DDL and i2b2's demo data. */
package org.smartcc.engine.warehouse;
