/** Cohort query runs: submission, asynchronous execution with progress, cancel and timeout, and their results. */
package org.smartcc.engine.run;
