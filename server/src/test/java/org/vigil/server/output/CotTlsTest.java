package org.vigil.server.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.output.cot.TlsContexts;
import org.vigil.server.output.net.StreamServer;

/**
 * The CoT TLS listener (TAK's 8089 convention): a client with a certificate the trust store accepts
 * gets the stream; a client without one is refused in the handshake. Keys made with the JDK's keytool.
 */
class CotTlsTest {
    private static final char[] PW = "changeit".toCharArray();

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void clientCertificatesAreRequired() throws Exception {
        Path server = keypair(dir, "server"), client = keypair(dir, "client");
        Path serverTrust = trust(dir, "client", client), clientTrust = trust(dir, "server", server);
        SSLContext serverCtx = TlsContexts.server(server, serverTrust, PW);
        try (StreamServer tls = new StreamServer("cot-tls", "127.0.0.1", 0, serverCtx, true)) {
            SSLContext withCert = TlsContexts.server(client, clientTrust, PW); // key and trust: a client context too
            try (SSLSocket s = (SSLSocket)
                    withCert.getSocketFactory().createSocket(java.net.InetAddress.getLoopbackAddress(), tls.port())) {
                s.startHandshake();
                ReadsbOutputsTest.waitFor(() -> tls.clients() == 1);
                byte[] event = "<?xml version=\"1.0\"?>\n<event uid=\"x\"/>".getBytes(StandardCharsets.UTF_8);
                tls.send(event, 0, event.length);
                InputStream in = s.getInputStream();
                assertThat(in.readNBytes(event.length)).isEqualTo(event);
            }
            SSLContext noCert = SSLContext.getInstance("TLS");
            var tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            var ks = java.security.KeyStore.getInstance("PKCS12");
            try (var f = java.nio.file.Files.newInputStream(clientTrust)) {
                ks.load(f, PW);
            }
            tmf.init(ks);
            noCert.init(null, tmf.getTrustManagers(), null);
            assertThatThrownBy(() -> {
                        try (SSLSocket s = (SSLSocket) noCert.getSocketFactory()
                                .createSocket(java.net.InetAddress.getLoopbackAddress(), tls.port())) {
                            s.startHandshake();
                            // TLS 1.3 reports the refusal at the first read
                            s.getInputStream().read();
                        }
                    })
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    /** A PKCS#12 keystore (password changeit) with an EC key pair and a self-signed certificate, CN=name. */
    static Path keypair(Path dir, String name) throws Exception {
        Path p = dir.resolve(name + ".p12");
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + name,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                p.toString(),
                "-storepass",
                "changeit");
        return p;
    }

    /** A PKCS#12 trust store holding the certificate of {@code keystore}. */
    static Path trust(Path dir, String name, Path keystore) throws Exception {
        Path cer = dir.resolve(name + ".cer"), p = dir.resolve(name + "-trust.p12");
        keytool(
                "-exportcert",
                "-alias",
                name,
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-file",
                cer.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                name,
                "-file",
                cer.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                p.toString(),
                "-storepass",
                "changeit");
        return p;
    }

    private static void keytool(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
