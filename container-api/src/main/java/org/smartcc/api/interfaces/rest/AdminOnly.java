package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only the administrator: HTTP Basic {@code admin} / {@code smartcc.admin.password}, or the launcher (HTTP Basic
 * {@code launcher} / {@code smartcc.launcher.secret}) acting for a user with the admin role. Checked by
 * {@link AdminOnlyFilter}.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {
}
