package org.vigil.core.qra;

/** QRA posture or aircraft profile data that cannot be used; the message names the source and the field. */
public final class QraDataException extends RuntimeException {
    public QraDataException(String message) {
        super(message);
    }

    public QraDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
