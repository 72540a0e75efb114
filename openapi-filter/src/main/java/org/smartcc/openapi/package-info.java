/** The OpenAPI filter that configuration names, in a library every web module of the EAR can load. */
package org.smartcc.openapi;
