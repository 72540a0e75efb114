package org.smartcc.api.interfaces.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Protection declared, checked inside the method: an OAuth token endpoint, whose signature the smart-oauth library
 * verifies as the first step of the exchange, with the token kind that step needs (none, the approved request token
 * and its verifier, 2-legged for background tokens). A filter cannot verify first: a nonce is accepted once.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SignedTokenRequest {
}
