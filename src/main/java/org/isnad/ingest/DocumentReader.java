package org.isnad.ingest;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Turns one file of one format into raw documents; problems with part of a file go to {@code skips}. */
interface DocumentReader {

    /**
     * @param bytes the whole file
     * @param maxDocumentBytes documents larger than this are skipped
     */
    void read(Path file, byte[] bytes, long maxDocumentBytes, Consumer<RawDocument> out, Consumer<Skip> skips)
            throws BadInputException;
}
