package io.sslkit.record.internal;

import io.sslkit.api.AlertDescription;
import io.sslkit.api.SslAlertException;

/**
 * The bad_record_mac refusal of a protected record, without a stack trace. Filling in a stack trace costs
 * microseconds, several times the work of checking a record, so an exception that carries one tells a refused record
 * from an accepted one by time alone (the padding oracle the Lucky 13 countermeasure closes inside the MAC check).
 * The trace would show only the record layer's own frames, which the alert already names.
 */
final class BadRecordMacException extends SslAlertException {
    private static final long serialVersionUID = 1L;

    BadRecordMacException() {
        super(AlertDescription.BAD_RECORD_MAC, "record MAC or padding check failed");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
