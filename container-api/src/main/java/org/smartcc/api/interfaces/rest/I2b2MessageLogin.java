package org.smartcc.api.interfaces.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Protection declared, checked inside the method: the caller logs in as a cohort user with the {@code security}
 * element of the i2b2 message, which only the resource can read ({@link I2b2Inbox}: a password, or a session token of
 * the PM cell; {@link I2b2Login}, a streaming parser that stops at the login, so that the rest of an unauthenticated
 * message is never parsed). Not a filter, as a filter would have to
 * buffer and parse the body first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface I2b2MessageLogin {
}
