/**
 * What the container itself stores for apps, and who calls the cohort API, as plain values without framework types.
 */
package org.smartcc.api.domain;
