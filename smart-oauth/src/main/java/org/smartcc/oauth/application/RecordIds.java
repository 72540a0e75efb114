package org.smartcc.oauth.application;

import java.util.Optional;

/**
 * The record ids of the clinical store, supplied by the caller: the background token loop walks them in this
 * order (the reference orders by id) and request tokens and launches check that a record exists.
 */
public interface RecordIds {

    Optional<String> first();

    /** The record after the given one, which need not exist any more. */
    Optional<String> after(String recordId);

    boolean exists(String recordId);
}
