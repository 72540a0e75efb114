package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only a cohort user (a researcher), HTTP Basic: {@link CohortUserFilter} logs them in and the method reads who they
 * are from {@link Caller#researcher()}.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CohortUser {
}
