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

/** The TLS context of the CoT stream listener: the server's key, and the CAs whose client certificates it accepts. */
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

    static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }
}
