package org.vigil.server.qra;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.server.auth.AuthDatabase;
import org.vigil.server.auth.PasswordHasher;
import org.vigil.server.auth.Role;
import org.vigil.server.auth.Security;
import org.vigil.server.auth.SecurityConfig;
import org.vigil.server.recording.RecorderConfig;

/**
 * A real Javalin server with Vigil's security (standard access table, embedded store in a temporary
 * directory) and the QRA routes, plus an HTTP client: the same arrangement as the auth engineer's
 * AuthFixture, with the routes registered the way the web server will register them.
 */
final class QraApiFixture implements AutoCloseable {
    /** The posture's theatre area: a responsiveness request without a box covers it (LiveServer passes the running theatre's). */
    private static final org.vigil.server.picture.Theatre.Area AREA =
            org.vigil.server.theatre.TestTheatres.area("black-sea-2022");

    static final PasswordHasher FAST = new PasswordHasher(1024, 1, 1);

    final Security security;
    final Javalin app;
    final int port;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    QraApiFixture(Path dir, ScrambleService service) throws SQLException {
        AuthDatabase db = AuthDatabase.open(RecorderConfig.embedded(dir).effectiveJdbcUrl(), null, null);
        SecurityConfig cfg = SecurityConfig.defaults()
                .withEnvironment(Map.of())
                .withAnnounce(s -> {})
                .withHasher(FAST);
        security = Security.open(cfg, db);
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            security.configure(c, "127.0.0.1", 0);
            new QraApi(service)
                    .withDefaultArea(AREA.south(), AREA.north(), AREA.west(), AREA.east())
                    .registerRoutes(c.routes, security);
        });
        app.start("127.0.0.1", 0);
        port = app.port();
    }

    void addUser(String name, Role role, String password) throws SQLException {
        security.users().create(name, role, FAST.hash(password.toCharArray()), System.currentTimeMillis());
    }

    String login(String name, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = send(
                "POST",
                "/api/auth/login",
                null,
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"bearer\":true}");
        if (r.statusCode() != 200) throw new AssertionError("login of " + name + " failed: " + r.statusCode());
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) throw new AssertionError("no token in the login answer");
        return m.group(1);
    }

    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws SQLException {
        app.stop();
        security.close();
    }
}
