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
 * Protocols and cipher suites are Jetty's defaults (TLS 1.2 and 1.3, no known-weak suites).
 */
final class Tls {

    private Tls() {}

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
