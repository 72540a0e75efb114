/**
 * Use cases of the clinical store: loading SMART and Synthea records into the star schema; and the incident log that
 * every module writes a server fault to.
 */
package org.smartcc.store.application;
