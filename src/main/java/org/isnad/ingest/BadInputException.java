package org.isnad.ingest;

/** An input that cannot be ingested; the message is the one-line reason shown to the user. */
public final class BadInputException extends Exception {
    public BadInputException(String reason) {
        super(reason);
    }
}
