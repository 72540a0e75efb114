/**
 * Internal: the OAuth 1.0a pieces the use cases share with the adapters and the wiring: parameters and their
 * encodings, the signature scheme, the token and nonce stores, and token minting.
 */
package org.smartcc.oauth.internal.protocol;
