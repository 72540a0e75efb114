/**
 * A Java client for SMART REST and population apps: OAuth 1.0a, the background token loop, the record calls of the
 * ontology's call table, and a patient set's population reads and exports; front door {@link SmartClient#builder}.
 */
package org.smartcc.client;
