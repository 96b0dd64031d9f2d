package io.niows.internal.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The TLS stage alone, a server stage and a client {@link SSLEngine} back to back over an
 * in-memory channel: the client's hello cut anywhere, a data record cut at every byte, and a socket
 * that takes a few bytes per write, give the same handshake and the same plaintext.
 */
@Timeout(120)
class TlsStageSplitTest {

    private static Path dir;
    private static SSLContext server;
    private static SSLContext client;

    @BeforeAll
    static void certificate() throws Exception {
        dir = Files.createTempDirectory("niows-tls-stage");
        Path p12 = dir.resolve("s.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "s", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", p12.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).as("keytool").isTrue();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        server = SSLContext.getInstance("TLS");
        server.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
    }

    @AfterAll
    static void clean() throws IOException {
        for (Path p : List.of(dir.resolve("s.p12"), dir)) {
            Files.deleteIfExists(p);
        }
    }

    /** A socket in memory: reads return the chunks queued, writes take up to {@code perWrite} bytes. */
    private static final class MemoryChannel implements ByteChannel {
        final Deque<byte[]> incoming = new ArrayDeque<>();
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        int perWrite = Integer.MAX_VALUE;

        @Override
        public int read(ByteBuffer dst) {
            byte[] chunk = incoming.poll();
            if (chunk == null) {
                return 0;
            }
            int n = Math.min(chunk.length, dst.remaining());
            dst.put(chunk, 0, n);
            if (n < chunk.length) {
                incoming.addFirst(Arrays.copyOfRange(chunk, n, chunk.length));
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = Math.min(src.remaining(), perWrite);
            byte[] b = new byte[n];
            src.get(b);
            written.writeBytes(b);
            return n;
        }

        byte[] take() {
            byte[] b = written.toByteArray();
            written.reset();
            return b;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** The loop's buffers, as a loop makes them. */
    private static final class Loop implements TlsStage.Buffers {
        private final ByteBuffer in = ByteBuffer.allocateDirect(96 * 1024);
        private final ByteBuffer out = ByteBuffer.allocateDirect(96 * 1024);

        @Override
        public ByteBuffer tlsIn() {
            return in;
        }

        @Override
        public ByteBuffer tlsOut() {
            return out;
        }
    }

    /** What the stage handed up. */
    private static final class Received implements TlsStage.Receiver {
        final ByteArrayOutputStream plain = new ByteArrayOutputStream();
        boolean ready;

        @Override
        public boolean plaintext(ByteBuffer app) {
            app.flip();
            byte[] b = new byte[app.remaining()];
            app.get(b);
            plain.writeBytes(b);
            app.clear();
            return true;
        }

        @Override
        public void tlsReady() {
            ready = true;
        }

        /** Takes what the last read left in the loop's buffer too. */
        void drain(ByteBuffer app) {
            plaintext(app);
        }
    }

    /** A server stage, its channel and a client engine; the test moves the bytes. */
    private static final class Pair {
        final MemoryChannel channel = new MemoryChannel();
        final Received received = new Received();
        final ByteBuffer app = ByteBuffer.allocate(64 * 1024);
        final TlsStage stage;
        final SSLEngine peer;

        Pair() throws IOException {
            stage = TlsStage.server(TlsStage.serverEngine(server, null, new InetSocketAddress("127.0.0.1", 1)), channel,
                    new Loop(), received);
            peer = client.createSSLEngine("localhost", 1);
            peer.setUseClientMode(true);
        }

        /** Gives the stage {@code bytes} as these chunks, one read each. */
        void feed(byte[]... chunks) throws IOException {
            for (byte[] chunk : chunks) {
                channel.incoming.add(chunk);
                app.clear();
                stage.read(app);
                received.drain(app);
            }
        }

        /** Records the client wrapped while unwrapping, not yet given to the stage. */
        final ByteArrayOutputStream clientOut = new ByteArrayOutputStream();

        /** The client's next flight of handshake records. */
        byte[] clientFlight() throws IOException {
            while (true) {
                SSLEngineResult.HandshakeStatus hs = peer.getHandshakeStatus();
                if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    peer.getDelegatedTask().run();
                } else if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    clientWrap();
                } else {
                    byte[] flight = clientOut.toByteArray();
                    clientOut.reset();
                    return flight;
                }
            }
        }

        private void clientWrap() throws IOException {
            ByteBuffer net = ByteBuffer.allocate(1 << 16);
            peer.wrap(ByteBuffer.allocate(0), net);
            clientOut.write(net.array(), 0, net.position());
        }

        /** Hands what the stage wrote to the client engine; returns the plaintext it unwrapped. */
        byte[] toClient() throws IOException {
            ByteBuffer net = ByteBuffer.wrap(channel.take());
            ByteBuffer out = ByteBuffer.allocate(1 << 17);
            for (int stuck = 0; net.hasRemaining() && stuck < 3; ) {
                SSLEngineResult.HandshakeStatus hs = peer.getHandshakeStatus();
                if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    peer.getDelegatedTask().run();
                } else if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    clientWrap();
                } else {
                    SSLEngineResult r = peer.unwrap(net, out);
                    stuck = r.bytesConsumed() == 0 ? stuck + 1 : 0;
                }
            }
            return Arrays.copyOf(out.array(), out.position());
        }

        byte[] records(String text) throws IOException {
            ByteBuffer net = ByteBuffer.allocate(1 << 16);
            peer.wrap(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), net);
            return Arrays.copyOf(net.array(), net.position());
        }

        int clientHelloLength() throws IOException {
            peer.beginHandshake();
            return clientFlight().length;
        }

        /** The handshake to its end, the client's hello cut at {@code cut}. */
        void handshake(int cut) throws IOException {
            peer.beginHandshake();
            byte[] hello = clientFlight();
            if (cut <= 0 || cut >= hello.length) {
                feed(hello);
            } else {
                feed(Arrays.copyOf(hello, cut), Arrays.copyOfRange(hello, cut, hello.length));
            }
            toClient();
            feed(clientFlight());
            toClient();
        }
    }

    /**
     * Every cut in the record and handshake headers and the first bytes of the body (where the
     * lengths are read), then every 7th byte and the last 8: each cut is a handshake of its own,
     * and all of them took a minute on a loaded 2-core machine.
     */
    @Test
    void aClientHelloCutAnywhereCompletesTheHandshake() throws Exception {
        int length = new Pair().clientHelloLength();
        for (int cut = 1; cut < length; cut += cut < 48 || cut >= length - 8 ? 1 : 7) {
            Pair p = new Pair();
            p.handshake(cut);
            assertThat(p.received.ready).as("handshake done with the hello cut at %d of %d", cut, length).isTrue();
        }
    }

    @Test
    void aDataRecordCutAtEveryByteIsUnwrappedWhole() throws Exception {
        Pair p = new Pair();
        p.handshake(0);
        StringBuilder expected = new StringBuilder();
        for (int cut = 1; cut < 40; cut++) {
            String text = "message cut at " + cut;
            byte[] record = p.records(text);
            assertThat(record.length).isGreaterThan(cut);
            p.feed(Arrays.copyOf(record, cut));
            assertThat(p.stage.heldBytes()).as("only the unfinished record is kept").isEqualTo(cut);
            p.feed(Arrays.copyOfRange(record, cut, record.length));
            assertThat(p.stage.heldBytes()).as("an idle connection keeps nothing").isZero();
            expected.append(text);
        }
        assertThat(p.received.plain.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void aSocketThatTakesFewBytesAtATimeGetsEveryRecordInOrder() throws Exception {
        Pair p = new Pair();
        p.handshake(0);
        byte[] message = new byte[100_000];
        new Random(1).nextBytes(message);
        p.channel.perWrite = 1000;
        ByteBuffer src = ByteBuffer.wrap(message);
        assertThat(p.received.ready).as("handshake done").isTrue();
        int rounds = 0;
        while ((src.hasRemaining() || p.stage.hasPending()) && rounds < 10_000) {
            p.stage.flushPending();
            p.stage.write(src);
            rounds++;
        }
        assertThat(src.hasRemaining() || p.stage.hasPending()).as("everything written").isFalse();
        assertThat(rounds).as("the socket took the bytes in many writes").isGreaterThan(50);
        assertThat(p.toClient()).isEqualTo(message);
    }
}
