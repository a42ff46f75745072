package org.isnad.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs what a button carries with the chat (and, for feedback, the user) it was sent to, so that a
 * press only acts there: answer-log ids are sequential, and anyone could otherwise send
 * {@code fb:2:down} from another chat. HMAC-SHA256 under a random key in {@code <dataDir>/button.key}
 * (mode 0600, created on first start), cut to 8 bytes: forging one is a 2^64 guess per press.
 */
final class ButtonSigner {

    static final String KEY_FILE = "button.key";
    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 8;

    private final byte[] key;

    private ButtonSigner(byte[] key) {
        this.key = key;
    }

    static ButtonSigner open(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(dataDir);
                Path tmp = Files.createTempFile(dataDir, KEY_FILE, ".tmp");
                org.isnad.config.PrivateFiles.restrict(tmp);
                Files.write(tmp, fresh);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length < 16) {
                throw new IllegalStateException("the button key " + file + " is too short; delete it to make a new one");
            }
            return new ButtonSigner(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the button key " + file, e);
        }
    }

    /** A signer over the given key bytes (tests). */
    static ButtonSigner of(byte[] key) {
        return new ButtonSigner(key.clone());
    }

    /** The signature of {@code payload} for {@code chatId} and {@code userId} (0: any user of the chat). */
    String sign(String payload, long chatId, long userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal((payload + "|" + chatId + "|" + userId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, SIGNATURE_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    boolean valid(String payload, long chatId, long userId, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(payload, chatId, userId).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
