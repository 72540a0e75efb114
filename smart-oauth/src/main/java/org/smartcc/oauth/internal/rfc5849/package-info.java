/** RFC 5849 adapter, internal: the Authorization header, the signature base string and HMAC-SHA1. */
package org.smartcc.oauth.internal.rfc5849;
