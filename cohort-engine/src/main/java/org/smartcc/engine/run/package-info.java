/**
 * Cohort query runs (submission, asynchronous execution with progress, cancel and timeout, results) and the saved
 * queries they leave.
 */
package org.smartcc.engine.run;
