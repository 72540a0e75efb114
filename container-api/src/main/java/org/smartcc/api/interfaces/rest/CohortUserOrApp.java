package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A cohort user (HTTP Basic, or the launcher acting for one) or an app that signs the request (OAuth 1.0a):
 * {@link CohortUserOrAppFilter} checks whichever the {@code Authorization} header names, and the method asks
 * {@link Caller#signedByApp()} which one it serves. For data a set's owner reads with the cohort API's credentials
 * and an app the set was granted to reads as itself.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CohortUserOrApp {
}
