/** Use cases of the API server: bringing the clinical store up and keeping track of its state. */
package org.smartcc.api.application;
