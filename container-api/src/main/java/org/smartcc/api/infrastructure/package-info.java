/** Adapters of the API server: configuration and the store and engine resources it owns. */
package org.smartcc.api.infrastructure;
