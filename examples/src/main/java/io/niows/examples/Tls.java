package io.niows.examples;

import io.niows.TlsContexts;
import io.niows.WebSocketServer;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

/**
 * TLS for the example servers: the context their {@code --tls-cert FILE --tls-key FILE} name, and
 * a builder that serves with it when there is one.
 *
 * <p>Stateless and thread-safe.
 */
public final class Tls {

    private Tls() {
    }

    /**
     * A server context from a PEM certificate chain and a PEM PKCS#8 private key.
     *
     * @throws IOException if a file cannot be read or holds no certificate or key, saying which
     */
    public static SSLContext fromPem(Path certificate, Path key) throws IOException {
        try {
            return TlsContexts.fromPem(certificate, key);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + certificate + " and " + key + ": " + e.getMessage(), e);
        }
    }

    /** {@return {@code builder}, serving TLS with {@code tls} unless it is null} */
    public static WebSocketServer.Builder serving(WebSocketServer.Builder builder, SSLContext tls) {
        return tls == null ? builder : builder.tls(tls);
    }
}
