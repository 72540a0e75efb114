/** Use cases of the clinical store, not exported: loading SMART and Synthea records into the star schema. */
package org.smartcc.store.application;
