/** Benchmarks run as plain programs that print their figures next to a baseline measured in the same process. */
package org.smartcc.bench;
