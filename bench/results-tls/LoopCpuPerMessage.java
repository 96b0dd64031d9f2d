import io.niows.*;
import java.lang.management.*;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import javax.net.ssl.*;
import java.security.cert.X509Certificate;

/**
 * Echoes per CPU-second of the server's loop thread, server and client in one JVM over wss://
 * (see heap-vs-direct.txt for the command and a run).
 */
public class LoopCpuPerMessage {
    public static void main(String[] a) throws Exception {
        int size = Integer.parseInt(a[0]); int conns = Integer.parseInt(a[1]);
        SSLContext server = TlsContexts.fromPkcs12(Path.of("/tmp/tlsm/keep.p12"), "changeit".toCharArray());
        TrustManager any = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String t) {}
            public void checkServerTrusted(X509Certificate[] c, String t) {}
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
        SSLContext trust = SSLContext.getInstance("TLS"); trust.init(null, new TrustManager[] {any}, null);
        WebSocketServer s = WebSocketServer.builder().host("127.0.0.1").port(0).loops(1).tls(server)
            .defaultRoute(new WebSocketHandler() {
                public void onBinary(WebSocket ws, ByteBuffer d) { ws.sendBinary(d); }
            })
            .build().start();
        SSLParameters params = new SSLParameters();
        params.setProtocols(new String[] {"TLSv1.3"});
        params.setCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
        WebSocketClient c = WebSocketClient.builder().loops(1).tls(trust).tlsParameters(params)
            .verifyHostname(false).build();
        AtomicLong n = new AtomicLong();
        ByteBuffer payload = ByteBuffer.wrap(new byte[size]).asReadOnlyBuffer();
        for (int i = 0; i < conns; i++) {
            c.connect(URI.create("wss://127.0.0.1:" + s.port() + "/"), new WebSocketHandler() {
                public void onOpen(WebSocket w) { w.sendBinary(payload.duplicate()); }
                public void onBinary(WebSocket w, ByteBuffer d) {
                    n.incrementAndGet();
                    w.sendBinary(payload.duplicate());
                }
            }).get(30, TimeUnit.SECONDS);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Thread loop = Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().matches("niows-\\d+-loop-0")).findFirst().get();
        Thread.sleep(3000);
        for (int r = 0; r < 3; r++) {
            long c0 = n.get(), cpu0 = mx.getThreadCpuTime(loop.getId()), t0 = System.nanoTime();
            Thread.sleep(4000);
            long c1 = n.get(), cpu1 = mx.getThreadCpuTime(loop.getId()), t1 = System.nanoTime();
            System.out.printf("%s size %d: %.0f msg/s, %.0f msg per server-loop CPU-second%n", a[2], size,
                (c1 - c0) / ((t1 - t0) / 1e9), (c1 - c0) / ((cpu1 - cpu0) / 1e9));
        }
        System.exit(0);
    }
}
