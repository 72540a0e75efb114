/** The record use cases (read statements, post a clinical note) and the ports they need. */
package org.smartcc.records.application;
