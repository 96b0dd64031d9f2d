import java.io.*;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.util.*;
import javax.net.ssl.*;

/**
 * Times SSLEngine delegated tasks and whole handshakes, server side, two engines back to back in
 * one thread (no socket): what a niows loop spends per TLS handshake, since it runs the tasks
 * itself. Run from a folder holding s.p12:
 *
 *   keytool -genkeypair -alias s -keyalg RSA -keysize 2048 -validity 2 -dname CN=localhost \
 *       -ext san=dns:localhost,ip:127.0.0.1 -storetype PKCS12 -keystore s.p12 -storepass changeit
 *   java DelegatedTasks.java TLSv1.3; java DelegatedTasks.java TLSv1.2
 *
 * Output of one run on the 2-core shared machine: delegated-tasks.txt (noisy: other builds ran).
 */
public class DelegatedTasks {
    static long serverTaskNanos, serverTasks, serverWorkNanos;
    public static void main(String[] a) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream("s.p12")) { ks.load(in, "changeit".toCharArray()); }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext server = SSLContext.getInstance("TLS"); server.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext client = SSLContext.getInstance("TLS"); client.init(null, tmf.getTrustManagers(), null);
        String proto = a.length > 0 ? a[0] : "TLSv1.3";
        int n = 400;
        long[] perTask = new long[n], perHandshake = new long[n];
        for (int i = 0; i < n; i++) {
            serverTaskNanos = 0; serverWorkNanos = 0;
            SSLEngine c = client.createSSLEngine("localhost", 1); c.setUseClientMode(true);
            c.setEnabledProtocols(new String[] {proto});
            SSLEngine s = server.createSSLEngine(); s.setUseClientMode(false);
            run(c, s);
            perTask[i] = serverTaskNanos; perHandshake[i] = serverWorkNanos;
        }
        long[] t = Arrays.copyOfRange(perTask, 100, n), h = Arrays.copyOfRange(perHandshake, 100, n);
        Arrays.sort(t); Arrays.sort(h);
        System.out.printf("%s %s: server delegated tasks per handshake median %.3f ms p99 %.3f ms max %.3f ms;"
                + " server work per handshake (wrap+unwrap+tasks) median %.3f ms p99 %.3f ms"
                + " (%d handshakes after 100 warm-up)%n",
                proto, System.getProperty("java.version"), t[t.length / 2] / 1e6, t[t.length * 99 / 100] / 1e6,
                t[t.length - 1] / 1e6, h[h.length / 2] / 1e6, h[h.length * 99 / 100] / 1e6, t.length);
    }
    static void run(SSLEngine c, SSLEngine s) throws Exception {
        ByteBuffer c2s = ByteBuffer.allocate(1 << 17);
        ByteBuffer s2c = ByteBuffer.allocate(1 << 17);
        ByteBuffer app = ByteBuffer.allocate(1 << 17);
        c.beginHandshake(); s.beginHandshake();
        for (int round = 0; round < 100; round++) {
            step(c, s2c, c2s, app, false);
            step(s, c2s, s2c, app, true);
            if (c.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                    && s.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                    && c2s.position() == 0 && s2c.position() == 0) {
                return;
            }
        }
        throw new IllegalStateException("no handshake");
    }
    /** Unwraps what came in, runs tasks, wraps what goes out. */
    static void step(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer app, boolean server) throws Exception {
        long start = System.nanoTime();
        in.flip();
        while (true) {
            SSLEngineResult.HandshakeStatus hs = e.getHandshakeStatus();
            if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                long t0 = System.nanoTime();
                Runnable r; while ((r = e.getDelegatedTask()) != null) r.run();
                if (server) { serverTaskNanos += System.nanoTime() - t0; }
            } else if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                e.wrap(ByteBuffer.allocate(0), out);
            } else if (hs != SSLEngineResult.HandshakeStatus.NEED_WRAP && in.hasRemaining()) {
                app.clear();
                SSLEngineResult r = e.unwrap(in, app);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) break;
            } else break;
        }
        in.compact();
        if (server) serverWorkNanos += System.nanoTime() - start;
    }
}
