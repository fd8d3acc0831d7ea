package org.vigil.server.auth;

import java.security.MessageDigest;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (RFC 9106) with BouncyCastle, stored in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} so that the cost can be raised later without
 * invalidating stored hashes (each hash carries its own parameters).
 *
 * <p>Default cost: 19 MiB, 2 passes, 1 lane (the OWASP password storage recommendation for
 * Argon2id), 16-byte random salt, 32-byte hash. The password is never stored, logged or returned;
 * callers pass it as a char[] and should clear it when done.
 */
public final class PasswordHasher {

    /** Shortest password accepted: long passphrases beat composition rules (NIST SP 800-63B). */
    public static final int MIN_LENGTH = 12;
    /** Longest accepted, so a megabyte "password" cannot tie up a request thread. */
    public static final int MAX_LENGTH = 1024;

    // Bounds on what a stored hash may ask for, so a corrupted row cannot exhaust memory or CPU.
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 20;
    private static final int MAX_PARALLELISM = 16;

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;

    /** The default cost (see class comment). */
    public PasswordHasher() {
        this(19_456, 2, 1);
    }

    public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        if (memoryKiB < 8 * parallelism
                || memoryKiB > MAX_MEMORY_KIB
                || iterations < 1
                || iterations > MAX_ITERATIONS
                || parallelism < 1
                || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2id cost out of range");
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /**
     * Why a password is not acceptable, or null when it is. Never includes the password itself.
     */
    public static String weakness(char[] password, String username) {
        if (password == null || password.length < MIN_LENGTH) {
            return "password must have at least " + MIN_LENGTH + " characters";
        }
        if (password.length > MAX_LENGTH) {
            return "password must have at most " + MAX_LENGTH + " characters";
        }
        if (username != null && new String(password).equalsIgnoreCase(username)) {
            return "password must not be the user name";
        }
        return guessable(password, username);
    }

    /**
     * The common/leaked-password check (ASVS 2.1.7): nbvcxz estimates how many guesses the password
     * takes against its dictionaries (most common and leaked passwords, English words, names, keyboard
     * walks, l33t, dates) plus the user name and "vigil"; under {@link #MIN_ENTROPY_BITS} it is refused.
     */
    private static String guessable(char[] password, String username) {
        me.gosimple.nbvcxz.resources.DictionaryBuilder own = new me.gosimple.nbvcxz.resources.DictionaryBuilder()
                .setDictionaryName("vigil")
                .setExclusion(true)
                .addWord("vigil", 0);
        if (username != null && !username.isEmpty()) {
            own.addWord(username.toLowerCase(java.util.Locale.ROOT), 0);
        }
        java.util.List<me.gosimple.nbvcxz.resources.Dictionary> dictionaries = new java.util.ArrayList<>(DICTIONARIES);
        dictionaries.add(own.createDictionary());
        me.gosimple.nbvcxz.Nbvcxz estimator =
                new me.gosimple.nbvcxz.Nbvcxz(new me.gosimple.nbvcxz.resources.ConfigurationBuilder()
                        .setDictionaries(dictionaries)
                        .setMinimumEntropy(MIN_ENTROPY_BITS)
                        .setLocale(java.util.Locale.ENGLISH)
                        .createConfiguration());
        me.gosimple.nbvcxz.scoring.Result r = estimator.estimate(new String(password));
        if (r.isMinimumEntropyMet()) {
            return null;
        }
        return "password too easy to guess (a common or leaked password, words or patterns):"
                + " use a longer passphrase of unrelated words";
    }

    /** Bits of guessing entropy a password needs (nbvcxz's estimate and default: about 3.4e10 guesses). */
    static final double MIN_ENTROPY_BITS = 35;

    /** nbvcxz's dictionaries, loaded once (they take a moment to load). */
    private static final java.util.List<me.gosimple.nbvcxz.resources.Dictionary> DICTIONARIES =
            me.gosimple.nbvcxz.resources.ConfigurationBuilder.getDefaultDictionaries();

    /** A fresh PHC string for the password, with a new random salt. */
    public String hash(char[] password) {
        byte[] salt = Tokens.randomBytes(16);
        byte[] out = derive(password, salt, memoryKiB, iterations, parallelism, 32);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
    }

    /**
     * True when the password matches the stored PHC string. A malformed or unsupported stored
     * string is simply "no match" (the user cannot sign in; the admin resets the password).
     */
    public boolean verify(char[] password, String stored) {
        if (password == null || stored == null || password.length > MAX_LENGTH) {
            return false;
        }
        String[] parts = stored.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[0].isEmpty() || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        int m = -1;
        int t = -1;
        int p = -1;
        for (String kv : parts[3].split(",")) {
            int eq = kv.indexOf('=');
            if (eq < 1) {
                return false;
            }
            int v;
            try {
                v = Integer.parseInt(kv.substring(eq + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            switch (kv.substring(0, eq)) {
                case "m" -> m = v;
                case "t" -> t = v;
                case "p" -> p = v;
                default -> {
                    return false;
                }
            }
        }
        if (p < 1 || p > MAX_PARALLELISM || m < 8 * p || m > MAX_MEMORY_KIB || t < 1 || t > MAX_ITERATIONS) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(parts[4]);
            expected = Base64.getDecoder().decode(parts[5]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (salt.length < 8 || expected.length < 16 || expected.length > 64) {
            return false;
        }
        byte[] actual = derive(password, salt, m, t, p, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    /** True when the stored hash was made with a lower cost than this hasher's (re-hash on next sign-in). */
    public boolean weakerThanCurrent(String stored) {
        return stored == null
                || !stored.startsWith("$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$");
    }

    private static byte[] derive(char[] password, byte[] salt, int m, int t, int p, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m)
                .withIterations(t)
                .withParallelism(p)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(params);
        byte[] out = new byte[length];
        gen.generateBytes(password, out);
        return out;
    }
}
