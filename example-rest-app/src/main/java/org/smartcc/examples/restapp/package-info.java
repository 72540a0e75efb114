/**
 * An example SMART REST app (smart-classic §4.4): its own server side gets an access token for a record as an
 * independent OAuth 1.0a consumer and shows the patient's name and medications.
 */
package org.smartcc.examples.restapp;
