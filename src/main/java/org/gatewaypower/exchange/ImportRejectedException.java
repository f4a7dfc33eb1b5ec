package org.gatewaypower.exchange;

/** A file that cannot be read as a table at all; the message says why and what to do. */
class ImportRejectedException extends RuntimeException {

    ImportRejectedException(String message) {
        super(message);
    }

    ImportRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
