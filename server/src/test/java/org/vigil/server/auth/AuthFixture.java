package org.vigil.server.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.web.WebServer;
import org.vigil.server.web.WebSettings;

/**
 * A real web server with security on the embedded (SQLite) store in a temporary directory, an HTTP
 * client, a settable wall clock, and the announced setup links. Password hashing uses a low Argon2id
 * cost so the many sign-ins of the table-driven tests stay fast (the default cost is tested in
 * {@link AuthPasswordHasherTest}).
 */
final class AuthFixture implements AutoCloseable {

    static final PasswordHasher FAST = new PasswordHasher(1024, 1, 1);
    static final String ADMIN_PASSWORD = "admin-passphrase-Kq7#x";

    /** A wall clock the tests move by hand. */
    static final class ManualClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_750_000_000_000L);

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }
    }

    final Path dir;
    final ManualClock clock = new ManualClock();
    final List<String> announced = new CopyOnWriteArrayList<>();
    final AuthDatabase db;
    final Security security;
    final WebServer web;
    final int port;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AuthFixture(Path dir, Map<String, String> env) throws SQLException {
        this.dir = dir;
        this.db = AuthDatabase.open(RecorderConfig.embedded(dir).effectiveJdbcUrl(), null, null);
        SecurityConfig cfg = SecurityConfig.defaults()
                .withEnvironment(env)
                .withAnnounce(announced::add)
                .withClock(clock)
                .withHasher(FAST)
                .withSessions(Duration.ofHours(12), Duration.ofMinutes(30))
                .withAuditKey(auditKey(dir));
        this.security = Security.open(cfg, db);
        this.web = new WebServer(
                        WebSettings.defaults().withBindAddress("127.0.0.1").withPort(0), List::of, List::of, () -> null)
                .security(security);
        this.port = web.start();
    }

    /** The audit key of a test directory, as a server keeps it (created at the first use). */
    static AuditKey auditKey(Path dir) {
        try {
            return AuditKey.loadOrCreate(dir.resolve("audit.key"), dir.resolve("audit.anchor"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A server whose first admin "admin" comes from VIGIL_ADMIN_PASSWORD. */
    static AuthFixture withAdmin(Path dir) throws SQLException {
        return new AuthFixture(dir, Map.of(SecurityConfig.ENV_ADMIN_PASSWORD, ADMIN_PASSWORD));
    }

    /** A server with the given process environment. */
    static AuthFixture withEnvironment(Path dir, Map<String, String> env) throws SQLException {
        return new AuthFixture(dir, env);
    }

    /** A server on a fresh store with no admin and nothing in the environment: the setup link case. */
    static AuthFixture fresh(Path dir) throws SQLException {
        return new AuthFixture(dir, Map.of());
    }

    /** Adds a user straight into the directory. */
    void addUser(String name, Role role, String password) throws SQLException {
        security.users().create(name, role, FAST.hash(password.toCharArray()), clock.millis());
    }

    /** Signs in through the API and returns the bearer token. */
    String login(String name, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = send(
                "POST",
                "/api/auth/login",
                (String) null,
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"bearer\":true}");
        if (r.statusCode() != 200) {
            throw new AssertionError("login of " + name + " failed: " + r.statusCode());
        }
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new AssertionError("no token in the login answer");
        }
        return m.group(1);
    }

    /** A request with an optional bearer token and JSON body. */
    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return send(method, path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), body);
    }

    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws SQLException {
        web.close();
        security.close();
    }
}
