package io.niows.server;

import io.niows.TlsContexts;
import io.niows.WebSocketServer;
import java.nio.file.Path;
import java.security.Security;
import javax.net.ssl.SSLParameters;

/**
 * A TLS 1.3 echo server in a process of its own whose AES-GCM and ChaCha20 keys must be updated
 * after every {@code args[2]} bytes ({@code jdk.tls.keyLimits}, a security property the JDK reads
 * once per process, when it first loads its TLS ciphers): arguments: a PKCS#12 keystore, its
 * password, the key limit. Prints {@code PORT n} once listening, serves until its standard input
 * ends.
 */
public final class ChildTlsEchoServer {

    private ChildTlsEchoServer() {
    }

    public static void main(String[] args) throws Exception {
        Security.setProperty("jdk.tls.keyLimits",
                "AES/GCM/NoPadding KeyUpdate " + args[2] + ", ChaCha20-Poly1305 KeyUpdate " + args[2]);
        SSLParameters tls13 = new SSLParameters();
        tls13.setProtocols(new String[] {"TLSv1.3"});
        WebSocketServer server = Servers.loopback().loops(1).defaultRoute(Servers.ECHO).maxMessageSize(32L << 20)
                .tls(TlsContexts.fromPkcs12(Path.of(args[0]), args[1].toCharArray()))
                .tlsParameters(tls13)
                .build().start();
        System.out.println("PORT " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the parent closes our input
        }
        server.close();
    }
}
