/** The provider's use cases (verify a request, the 3-legged flow, launch and background tokens) and their ports. */
package org.smartcc.oauth.application;
