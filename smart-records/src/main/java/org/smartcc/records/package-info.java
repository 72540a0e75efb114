/**
 * The record API's front door ({@link org.smartcc.records.RecordApi}) and RDF serialisation; exported with
 * {@code domain} and the use cases of {@code application}, while {@code internal} holds the adapters.
 */
package org.smartcc.records;
