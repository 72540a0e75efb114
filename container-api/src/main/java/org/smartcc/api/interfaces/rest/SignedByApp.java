package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only a request an app signed (OAuth 1.0a, 2- or 3-legged): {@link SignedByAppFilter} verifies the signature and the
 * method reads the app and token from {@link Caller#app()}. Which token may do what (record, user, search) is the
 * method's own check, as it depends on the path.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SignedByApp {
}
