package org.isnad.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns Telegram chat and user ids into what the log stores. Keyed: HMAC-SHA256 under a secret key kept
 * in a file (created on first use, readable by the owner only), so the same person gets the same
 * pseudonym across entries while the log alone does not reveal who it is. Raw: the id as a decimal string.
 */
public final class Pseudonymizer {

    private static final int KEY_BYTES = 32;
    private final byte[] key; // null: raw ids

    private Pseudonymizer(byte[] key) {
        this.key = key;
    }

    /** Stores ids unchanged ({@code audit.pseudonymize: false}). */
    public static Pseudonymizer raw() {
        return new Pseudonymizer(null);
    }

    /**
     * As the configuration says: keyed with {@code audit.pseudonymKeyFile} (default
     * {@code <dataDir>/audit.key}) unless {@code audit.pseudonymize: false}. The answer log and the
     * bot's own files (its state, the map of sent answers) use this one, so none of them can be
     * joined back to Telegram ids without the key.
     */
    public static Pseudonymizer of(org.isnad.config.IsnadConfig config) {
        org.isnad.config.IsnadConfig.Audit audit = config.audit();
        if (audit != null && !audit.pseudonymize()) {
            return raw();
        }
        String keyFile = audit == null ? "" : audit.pseudonymKeyFile();
        return keyed(keyFile == null || keyFile.isBlank() ? config.dataPath().resolve("audit.key") : Path.of(keyFile));
    }

    /**
     * As {@link #of(org.isnad.config.IsnadConfig)} for instances sharing a database: without a
     * configured key file the key is the one kept in the database ({@link SharedKeys}), so every
     * instance writes the same pseudonym for the same reader.
     */
    public static Pseudonymizer of(org.isnad.config.IsnadConfig config, SharedKeys shared) {
        org.isnad.config.IsnadConfig.Audit audit = config.audit();
        if (audit != null && !audit.pseudonymize()) {
            return raw();
        }
        String keyFile = audit == null ? "" : audit.pseudonymKeyFile();
        if (keyFile != null && !keyFile.isBlank()) {
            return keyed(Path.of(keyFile));
        }
        return new Pseudonymizer(shared.key("pseudonym"));
    }

    /** Keyed with the key in {@code keyFile}, creating a fresh random key (mode 0600) when the file is missing. */
    public static Pseudonymizer keyed(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                createKey(keyFile);
            }
            byte[] key = Files.readAllBytes(keyFile);
            if (key.length < 16) {
                throw new IllegalStateException("the pseudonym key " + keyFile + " is too short (" + key.length + " bytes)");
            }
            return new Pseudonymizer(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key " + keyFile, e);
        }
    }

    /** A keyed pseudonymizer over the given key bytes (tests). */
    public static Pseudonymizer keyed(byte[] key) {
        return new Pseudonymizer(key.clone());
    }

    private static void createKey(Path keyFile) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path parent = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".audit-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                tmp.toFile().setReadable(false, false);
                tmp.toFile().setReadable(true, true);
            }
            Files.write(tmp, key);
            // A second process creating the key at the same moment must not replace the first one's key.
            try {
                Files.createLink(keyFile, tmp);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.copy(tmp, keyFile); // fails, without replacing, when the key appeared meanwhile
            }
        } catch (FileAlreadyExistsException someoneElseWon) {
            // keep theirs
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public boolean isKeyed() {
        return key != null;
    }

    /** The stored form of an id: {@code p:} + 24 hex digits of the HMAC, or the raw id; null stays null. */
    public String apply(Long id) {
        if (id == null) {
            return null;
        }
        if (key == null) {
            return Long.toString(id);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(Long.toString(id).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return "p:" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
