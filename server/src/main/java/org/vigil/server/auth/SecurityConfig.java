package org.vigil.server.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How sign-in, sessions and TLS are set up.
 *
 * @param keystore         PKCS#12 keystore with the server's key and certificate chain; null for plain HTTP
 * @param keystorePassword its password (also the key's); null without a keystore
 * @param sessionLifetime  absolute session length (default 12 h: one watch, then sign in again)
 * @param idleTimeout      a session unused this long ends (default 30 min)
 * @param setupValidity    how long the first-start admin setup link works (default 30 min)
 * @param environment      where VIGIL_ADMIN_USER / VIGIL_ADMIN_PASSWORD / VIGIL_ADMIN_PASSWORD_HASH are
 *                         read (System.getenv() in service, a map in tests)
 * @param announce         where the setup link is printed (System.out in service: the operator starting
 *                         the server reads it; deliberately not the logger, whose output may be shipped)
 * @param clock            wall clock for sessions and audit rows (the web edge of the system)
 * @param hasher           password hashing cost
 * @param auditKey         the key of the audit chain and its anchor file, kept outside the database;
 *                         null: an unkeyed chain (tests only; {@code vigil run} always has one)
 */
@SuppressWarnings("ArrayRecordComponent") // char[] so the keystore password can be wiped, never compared
public record SecurityConfig(
        Path keystore,
        char[] keystorePassword,
        Duration sessionLifetime,
        Duration idleTimeout,
        Duration setupValidity,
        Map<String, String> environment,
        Consumer<String> announce,
        Clock clock,
        PasswordHasher hasher,
        AuditKey auditKey) {

    public static final String ENV_ADMIN_USER = "VIGIL_ADMIN_USER";
    public static final String ENV_ADMIN_PASSWORD = "VIGIL_ADMIN_PASSWORD";
    public static final String ENV_ADMIN_PASSWORD_HASH = "VIGIL_ADMIN_PASSWORD_HASH";

    public SecurityConfig {
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(setupValidity, "setupValidity");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(announce, "announce");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(hasher, "hasher");
        if (keystore != null && keystorePassword == null) {
            throw new IllegalArgumentException("a TLS keystore needs its password");
        }
    }

    /** Plain HTTP, 12 h sessions, 30 min idle, 30 min setup link, the process environment, stdout. */
    public static SecurityConfig defaults() {
        return new SecurityConfig(
                null,
                null,
                Duration.ofHours(12),
                Duration.ofMinutes(30),
                Duration.ofMinutes(30),
                System.getenv(),
                System.out::println,
                Clock.systemUTC(),
                new PasswordHasher(),
                null);
    }

    /** True when the server listens with TLS only. */
    public boolean tls() {
        return keystore != null;
    }

    public SecurityConfig withTls(Path keystorePath, char[] password) {
        return new SecurityConfig(
                keystorePath,
                password,
                sessionLifetime,
                idleTimeout,
                setupValidity,
                environment,
                announce,
                clock,
                hasher,
                auditKey);
    }

    public SecurityConfig withSessions(Duration lifetime, Duration idle) {
        return new SecurityConfig(
                keystore,
                keystorePassword,
                lifetime,
                idle,
                setupValidity,
                environment,
                announce,
                clock,
                hasher,
                auditKey);
    }

    public SecurityConfig withEnvironment(Map<String, String> env) {
        return new SecurityConfig(
                keystore,
                keystorePassword,
                sessionLifetime,
                idleTimeout,
                setupValidity,
                env,
                announce,
                clock,
                hasher,
                auditKey);
    }

    public SecurityConfig withAnnounce(Consumer<String> a) {
        return new SecurityConfig(
                keystore,
                keystorePassword,
                sessionLifetime,
                idleTimeout,
                setupValidity,
                environment,
                a,
                clock,
                hasher,
                auditKey);
    }

    public SecurityConfig withClock(Clock c) {
        return new SecurityConfig(
                keystore,
                keystorePassword,
                sessionLifetime,
                idleTimeout,
                setupValidity,
                environment,
                announce,
                c,
                hasher,
                auditKey);
    }

    public SecurityConfig withHasher(PasswordHasher h) {
        return new SecurityConfig(
                keystore,
                keystorePassword,
                sessionLifetime,
                idleTimeout,
                setupValidity,
                environment,
                announce,
                clock,
                h,
                auditKey);
    }

    public SecurityConfig withSetupValidity(Duration d) {
        return new SecurityConfig(
                keystore,
                keystorePassword,
                sessionLifetime,
                idleTimeout,
                d,
                environment,
                announce,
                clock,
                hasher,
                auditKey);
    }

    public SecurityConfig withAuditKey(AuditKey key) {
        return new SecurityConfig(
                keystore,
                keystorePassword,
                sessionLifetime,
                idleTimeout,
                setupValidity,
                environment,
                announce,
                clock,
                hasher,
                key);
    }

    /** Never prints the keystore password. */
    @Override
    public String toString() {
        return "SecurityConfig[tls=" + (keystore == null ? "off" : keystore) + ", sessionLifetime=" + sessionLifetime
                + ", idleTimeout=" + idleTimeout + "]";
    }
}
