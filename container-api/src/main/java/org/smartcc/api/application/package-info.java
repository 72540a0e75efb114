/**
 * Use cases of the API server: bringing the clinical store up and keeping track of its state, and the cohort calls a
 * researcher makes, with the rules on whose runs and sets they may read.
 */
package org.smartcc.api.application;
