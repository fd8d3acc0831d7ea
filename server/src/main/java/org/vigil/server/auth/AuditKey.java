package org.vigil.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that keys the audit chain (HMAC-SHA256), kept outside the database, and where the
 * chain's signed anchor lives. Someone who can write the database but not read this key cannot
 * recompute the chain after editing, deleting or cutting rows (docs/SECURITY.md, "Audit trail").
 *
 * <p>The key file holds 32 random bytes in hex, one line, mode 0600. It is created at the first
 * start with a key; lose it and the keyed rows can no longer be verified (back it up apart from the
 * database).
 */
public final class AuditKey {

    private static final Logger LOG = LoggerFactory.getLogger(AuditKey.class);
    private static final int KEY_BYTES = 32;
    static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final byte[] key;
    private final Path anchorFile;
    private final boolean created;
    private final boolean verifyOnly;

    private AuditKey(byte[] key, Path anchorFile, boolean created, boolean verifyOnly) {
        this.key = key.clone();
        this.anchorFile = anchorFile;
        this.created = created;
        this.verifyOnly = verifyOnly;
    }

    /**
     * Reads an existing key to verify a trail without writing anything (no anchor is created or
     * rewritten): {@code vigil audit verify}, possibly while the server runs.
     *
     * @throws java.nio.file.NoSuchFileException when there is no key file
     */
    public static AuditKey loadForVerification(Path keyFile, Path anchorFile) throws IOException {
        return new AuditKey(read(keyFile), anchorFile, false, true);
    }

    /**
     * Reads the key file, or creates it (0600, 32 random bytes) when it does not exist.
     *
     * @param anchorFile where the signed anchor of the chain's end is kept (outside the database too)
     * @throws IOException when the file cannot be read or created, or holds no valid key
     */
    public static AuditKey loadOrCreate(Path keyFile, Path anchorFile) throws IOException {
        boolean created = false;
        if (!Files.exists(keyFile)) {
            byte[] k = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(k);
            try {
                DataFiles.writeOwnerOnly(
                        keyFile, (HexFormat.of().formatHex(k) + "\n").getBytes(StandardCharsets.US_ASCII));
                created = true;
                LOG.info("audit key created in {} (back it up apart from the database)", keyFile);
            } catch (FileAlreadyExistsException e) {
                // another start created it first: read it below
            }
        }
        DataFiles.restrictToOwner(keyFile);
        return new AuditKey(read(keyFile), anchorFile, created, false);
    }

    private static byte[] read(Path keyFile) throws IOException {
        String text = Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
        byte[] k;
        try {
            k = HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("audit key " + keyFile + " is not hex", e);
        }
        if (k.length < KEY_BYTES) {
            throw new IOException("audit key " + keyFile + " is shorter than " + KEY_BYTES + " bytes");
        }
        return k;
    }

    /** A key given as bytes (tests, tools); the anchor file as for {@link #loadOrCreate}. */
    public static AuditKey of(byte[] key, Path anchorFile, boolean created) {
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException("an audit key needs at least " + KEY_BYTES + " bytes");
        }
        return new AuditKey(key, anchorFile, created, false);
    }

    /** True for a key loaded only to verify: the anchor is read, never written. */
    boolean verifyOnly() {
        return verifyOnly;
    }

    /** True when the key was made at this start: rows already in the trail are from before keying. */
    public boolean created() {
        return created;
    }

    public Path anchorFile() {
        return anchorFile;
    }

    /** A fresh HMAC-SHA256 instance with this key (a Mac is not thread-safe). */
    Mac mac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "AuditKey[anchor=" + anchorFile + "]";
    }
}
