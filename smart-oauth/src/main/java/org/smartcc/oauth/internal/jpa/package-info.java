/** JPA adapter, internal: apps, users and tokens in the container schema's tables. */
package org.smartcc.oauth.internal.jpa;
