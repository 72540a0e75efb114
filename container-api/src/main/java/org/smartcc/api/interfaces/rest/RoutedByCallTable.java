package org.smartcc.api.interfaces.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request path is matched against the ontology's call table by {@link CallTableRouting} before authentication,
 * so that a path no call has answers 404 or 405 whoever asks; the method reads the match from {@link MatchedCall}.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RoutedByCallTable {
}
