package io.niows.spectests.run;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for {@code wss://} targets: a connected socket wrapped in the JDK's {@link SSLSocket}, its
 * handshake done, so the cases play over it as over plain TCP. Stateless and thread-safe.
 */
final class Tls {

    private Tls() {
    }

    /**
     * Wraps {@code plain} and completes the TLS handshake, with SNI naming {@code host}.
     *
     * @param insecure accept any certificate for any name; otherwise the JDK's default trust
     *     store and the {@code HTTPS} host-name check apply
     */
    static Socket over(Socket plain, String host, int port, boolean insecure) throws IOException {
        SSLContext context;
        try {
            context = insecure ? trustingAll() : SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IOException("no TLS context: " + e.getMessage(), e);
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters params = tls.getSSLParameters();
        if (!insecure) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        params.setApplicationProtocols(new String[] {"http/1.1"});
        tls.setSSLParameters(params);
        tls.startHandshake();
        return tls;
    }

    private static SSLContext trustingAll() throws GeneralSecurityException {
        TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // a test client trusts whatever it is shown: that is what --insecure asks
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // as above
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {any}, null);
        return context;
    }
}
