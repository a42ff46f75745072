package org.isnad.audit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Secrets every instance of one deployment must share (the pseudonym key, the button-signing key),
 * kept in the shared database's {@code isnad_keys} table: the first instance to ask creates a random
 * key, and every later one, on any machine, reads the same key.
 */
public final class SharedKeys {

    private static final int KEY_BYTES = 32;
    private final DataSource ds;

    private SharedKeys(DataSource ds) {
        this.ds = ds;
    }

    public static SharedKeys in(DataSource ds) {
        return new SharedKeys(ds);
    }

    /** The key named {@code name}, created at random by whichever instance asks first. */
    public byte[] key(String name) {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        try (Connection c = ds.getConnection()) {
            // two instances starting at once: one insert wins, both read the winner's key
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO isnad_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                ps.setString(1, name);
                ps.setBytes(2, fresh);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM isnad_keys WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new AuditException("the shared key " + name + " could not be created", null);
                    }
                    return rs.getBytes(1);
                }
            }
        } catch (SQLException e) {
            throw new AuditException("cannot read the shared key " + name + ": " + e.getMessage(), e);
        }
    }
}
