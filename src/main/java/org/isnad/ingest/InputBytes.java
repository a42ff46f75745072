package org.isnad.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks raw input before it is trusted as text: not binary, valid UTF-8, not empty. */
final class InputBytes {

    private static final int BINARY_PROBE = 8192;

    private InputBytes() {}

    /** Decodes strict UTF-8 (a leading byte-order mark is dropped), or says why not. */
    static String utf8(byte[] bytes, int offset, int length) throws BadInputException {
        if (length == 0) {
            throw new BadInputException("empty");
        }
        int probe = Math.min(length, BINARY_PROBE);
        for (int i = offset; i < offset + probe; i++) {
            if (bytes[i] == 0) {
                throw new BadInputException("binary file (contains NUL bytes)");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        String text;
        try {
            text = decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("invalid UTF-8 near byte " + in.position());
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new BadInputException("empty");
        }
        return text;
    }
}
