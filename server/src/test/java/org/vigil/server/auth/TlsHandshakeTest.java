package org.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.recording.RecorderConfig;
import org.vigil.server.web.WebServer;
import org.vigil.server.web.WebSettings;

/** TLS by configuration: a PKCS#12 keystore made here with the JDK's keytool. */
class TlsHandshakeTest {

    private static final char[] STORE_PASSWORD = "keystore-Pass-9z".toCharArray();

    @TempDir
    Path dir;

    private Path keystore() throws Exception {
        Path ks = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "vigil",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        ks.toString(),
                        "-storepass",
                        new String(STORE_PASSWORD),
                        "-keypass",
                        new String(STORE_PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        return ks;
    }

    private static SSLContext trusting(Path ks) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            trust.load(in, STORE_PASSWORD);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void theServerSpeaksTlsWithTheConfiguredKeystoreAndOnlyTls() throws Exception {
        Path ks = keystore();
        AuthDatabase db = AuthDatabase.open(RecorderConfig.embedded(dir).effectiveJdbcUrl(), null, null);
        SecurityConfig cfg = SecurityConfig.defaults()
                .withTls(ks, STORE_PASSWORD)
                .withAnnounce(s -> {})
                .withEnvironment(Map.of(SecurityConfig.ENV_ADMIN_PASSWORD, "tls-admin-passphrase"))
                .withHasher(AuthFixture.FAST);
        try (Security security = Security.open(cfg, db);
                WebServer web = new WebServer(
                                WebSettings.defaults()
                                        .withBindAddress("127.0.0.1")
                                        .withPort(0),
                                List::of,
                                List::of,
                                () -> null)
                        .security(security)) {
            int port = web.start();
            SSLContext ssl = trusting(ks);

            // The handshake itself: TLS 1.2 or 1.3 and our certificate.
            try (SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", port)) {
                s.startHandshake();
                assertThat(s.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
                Certificate served = s.getSession().getPeerCertificates()[0];
                KeyStore k = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(ks)) {
                    k.load(in, STORE_PASSWORD);
                }
                assertThat(served).isEqualTo(k.getCertificate("vigil"));
            }

            HttpClient https = HttpClient.newBuilder()
                    .sslContext(ssl)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> health = https.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security"))
                    .as("HSTS under TLS")
                    .hasValue("max-age=31536000");
            // Only AEAD suites with forward secrecy: a client offering only a CBC suite gets no handshake.
            try (SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", port)) {
                s.setEnabledProtocols(new String[] {"TLSv1.2"});
                s.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"});
                org.assertj.core.api.Assertions.assertThatThrownBy(s::startHandshake)
                        .isInstanceOf(javax.net.ssl.SSLException.class);
            }
            try (SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", port)) {
                s.setEnabledProtocols(new String[] {"TLSv1.2"});
                s.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"});
                s.startHandshake();
                assertThat(s.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
            }
            HttpResponse<String> login = https.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/auth/login"))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"admin\",\"password\":\"tls-admin-passphrase\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                    .contains("Secure", "HttpOnly", "SameSite=Strict");

            // No plain-HTTP listener: a clear-text request gets no HTTP answer.
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port)) {
                plain.setSoTimeout(5000);
                plain.getOutputStream()
                        .write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] buf = new byte[64];
                int n = plain.getInputStream().read(buf);
                String answer = n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
                assertThat(answer).doesNotContain("200 OK").doesNotContain("\"status\"");
            } catch (java.io.IOException expected) {
                // connection reset: also fine
            }
        }
    }

    @Test
    void aWrongKeystorePasswordStopsTheStartWithoutShowingIt() throws Exception {
        Path ks = keystore();
        AuthDatabase db = AuthDatabase.open(RecorderConfig.embedded(dir).effectiveJdbcUrl(), null, null);
        SecurityConfig cfg = SecurityConfig.defaults()
                .withTls(ks, "Wrong-Password-77".toCharArray())
                .withAnnounce(s -> {})
                .withEnvironment(Map.of());
        assertThatThrownBy(() -> Security.open(cfg, db))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("server.p12")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Wrong-Password-77"));
        assertThat(cfg.toString()).doesNotContain("Wrong-Password-77");
    }
}
