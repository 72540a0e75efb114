/** The OpenAPI document at {@code /openapi}, completed with the calls annotation scanning cannot see. */
package org.smartcc.api.interfaces.openapi;
