package org.vigil.server.output.cot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS contexts of Cursor-on-Target: the stream listener's (its key, and the CAs whose client certificates
 * it accepts) and the TAK server client's (its client key, and the server's CAs).
 */
public final class TlsContexts {
    private TlsContexts() {}

    /**
     * @param keystore   PKCS#12 with the server's private key and certificate
     * @param truststore PKCS#12 with the CA certificates of the clients (TAK's client certificates), or null
     * @param password   of both stores
     */
    public static SSLContext server(Path keystore, Path truststore, char[] password) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keystore, password), password);
            TrustManagerFactory tmf = null;
            if (truststore != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(truststore, password));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            // which file and why, never the password
            throw new IllegalArgumentException(
                    "CoT TLS: cannot open " + keystore + (truststore == null ? "" : " / " + truststore) + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * The context of a TLS client (Vigil connecting to a TAK server): its client key and certificate,
     * and the CAs of the server's certificate (null: the JDK's default trust).
     */
    public static SSLContext client(Path keystore, Path truststore, char[] password) {
        return server(keystore, truststore, password); // the same two stores, seen from the other side
    }

    static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }
}
