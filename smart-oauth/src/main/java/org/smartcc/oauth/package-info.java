/**
 * The OAuth provider's front door, {@link org.smartcc.oauth.OAuthModule}; exported with {@code domain} and the use
 * cases of {@code application}, while {@code internal.*} holds the JPA, JDBC and RFC 5849 adapters.
 */
package org.smartcc.oauth;
