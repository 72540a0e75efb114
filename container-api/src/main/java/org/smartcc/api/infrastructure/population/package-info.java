/**
 * Population reads' adapters (issue 15): the writers of each format ({@link PopulationFormat}, one record at a time
 * through {@link PopulationWriter}), the collections a set is read by, and the stream that reads each record exactly
 * as the per-record API does.
 */
package org.smartcc.api.infrastructure.population;
