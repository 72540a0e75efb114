/** Plain-Java model of the provider: apps, users, tokens, the OAuth principal and its errors. */
package org.smartcc.oauth.domain;
