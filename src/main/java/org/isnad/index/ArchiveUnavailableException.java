package org.isnad.index;

/**
 * The archive cannot be read or written right now (its OpenSearch cluster is down or refuses work):
 * not bad input, and not lost data; asking again later may work.
 */
public final class ArchiveUnavailableException extends RuntimeException {

    public ArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
