package org.vigil.server.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS listener: a Jetty connector with the server's PKCS#12 keystore. When TLS is configured
 * it is the only listener (no plain-HTTP port that would carry passwords and session cookies in clear).
 * TLS 1.2 and 1.3 only, and only AEAD cipher suites with forward secrecy (AES-GCM, ChaCha20-Poly1305;
 * ECDHE or DHE key exchange under TLS 1.2; TLS 1.3 has nothing else): OWASP ASVS 9.1.2 and 9.1.3.
 */
final class Tls {

    private Tls() {}

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** Regular expressions as Jetty takes them: TLS 1.3 suites, and TLS 1.2 ECDHE/DHE with GCM or ChaCha20. */
    static final String[] CIPHER_SUITES = {
        "TLS_AES_.*_GCM_SHA.*",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_(ECDHE|DHE)_(ECDSA|RSA)_WITH_.*_(GCM|POLY1305)_SHA.*"
    };

    /**
     * Opens the keystore once so that a wrong path or password stops the start with a clear message
     * instead of a handshake failure at the first client.
     */
    static void check(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            boolean hasKey = false;
            for (var aliases = ks.aliases(); aliases.hasMoreElements(); ) {
                if (ks.isKeyEntry(aliases.nextElement())) {
                    hasKey = true;
                }
            }
            if (!hasKey) {
                throw new IllegalArgumentException("TLS keystore " + keystore + " holds no private key");
            }
        } catch (IOException | GeneralSecurityException e) {
            // The message says which file; the cause says why (bad password, not PKCS#12...), never the password.
            throw new IllegalArgumentException("cannot open TLS keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    static ServerConnector connector(
            Server server, HttpConfiguration base, Path keystore, char[] password, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(new String(password));
        ssl.setIncludeProtocols(PROTOCOLS);
        ssl.setIncludeCipherSuites(CIPHER_SUITES);
        HttpConfiguration https = new HttpConfiguration(base);
        https.setSecureScheme("https");
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector c = new ServerConnector(
                server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        c.setHost(host);
        c.setPort(port);
        return c;
    }
}
