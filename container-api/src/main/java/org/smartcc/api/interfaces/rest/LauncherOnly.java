package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only the launcher, HTTP Basic {@code launcher} / {@code smartcc.launcher.secret}: checked by
 * {@link LauncherOnlyFilter}.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LauncherOnly {
}
