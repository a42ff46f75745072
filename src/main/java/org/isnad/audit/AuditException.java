package org.isnad.audit;

/** The answer log could not be read or written (the database is unreachable, full, or corrupt). */
public final class AuditException extends RuntimeException {
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
