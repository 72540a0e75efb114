package org.smartcc.records.domain;

import org.smartcc.store.domain.CodedException;

/** A request the record API refuses; {@link #code()} is stable, the message names the parameter or item at fault. */
public final class RecordsException extends CodedException {

    public RecordsException(ErrorCode code, String message) {
        super(code.kind(), code.name(), message);
    }

    public RecordsException(ErrorCode code, String message, Throwable cause) {
        super(code.kind(), code.name(), message, cause);
    }
}
