package io.niows.examples.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import io.niows.examples.EchoServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tracing proxy between a scripted raw-socket client and the niows echo server: it relays
 * every byte unchanged, and its output for the session matches {@code trace/scripted-session.txt}
 * (ports replaced by {@code PORT}). The client waits for each answer before its next frame, so the
 * lines' order is fixed.
 */
@Timeout(30)
class TraceProxyTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "trace", "scripted-session.txt");
    private static final byte[] KEY = {0x37, (byte) 0xfa, 0x21, 0x3d};

    private WebSocketServer echo;
    private TraceProxy proxy;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        echo = EchoServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        echo.close();
    }

    private void startProxy(boolean json) throws IOException {
        proxy = TraceProxy.start("127.0.0.1", 0, URI.create("ws://127.0.0.1:" + echo.port() + "/"), json, lines::add);
    }

    @Test
    void scriptedSessionMatchesTheGoldenFileAndEveryByteIsRelayedUnchanged() throws Exception {
        startProxy(false);
        Session session = runScriptedSession();
        // The answers the client read are exactly the bytes niows' echo writes for this script.
        assertThat(session.received).isEqualTo(session.expectedAnswers);
        waitForLine("client closed its side too");
        String actual = String.join("\n", lines).replaceAll(":\\d{2,5}", ":PORT") + "\n";
        if (Boolean.getBoolean("niows.trace.writeGolden")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void jsonOutputIsOneObjectPerLine() throws Exception {
        startProxy(true);
        runScriptedSession();
        waitForLine("\"by\":\"client\"");
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"dir\":\"C2S\"", "\"opcodeName\":\"ping\"",
                "\"maskingKey\":\"37fa213d\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"closeCode\":1000", "\"closeReason\":\"bye\"",
                "\"closeMeaning\":\"normal closure\""));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("\"what\":\"fin\",\"by\":\"server\",\"first\":true"));
    }

    @Test
    void aResetFromTheClientIsShownAsTheFirstToEndAndTheServerSideIsDropped() throws Exception {
        startProxy(false);
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            readHead(socket.getInputStream());
            socket.setSoLinger(true, 0); // close with a reset, not a FIN
        }
        waitForLine("TCP ended by an error from the client side first");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("#1 \u2192 C2S TCP ended by an error from the client side first"));
        Thread.sleep(200); // the server side's end, dropped by the proxy, must add no line
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("TCP FIN"));
        assertThat(lines).filteredOn(line -> line.contains("TCP ended")).hasSize(1);
    }

    @Test
    void anUnreachableTargetIsReportedAndTheClientDropped() throws Exception {
        int closedPort;
        try (java.net.ServerSocket unused = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }
        proxy = TraceProxy.start("127.0.0.1", 0, URI.create("ws://127.0.0.1:" + closedPort + "/"), false, lines::add);
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read()).as("the proxy drops the client").isEqualTo(-1);
        }
        assertThat(lines).singleElement().asString().startsWith("#1 cannot reach the target");
    }

    private void waitForLine(String part) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (lines.stream().noneMatch(l -> l.contains(part)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** What the scripted client sent and read. */
    private record Session(byte[] received, byte[] expectedAnswers) {
    }

    /**
     * Text "Hello"; a text message in three fragments with a ping between the first two; 300
     * bytes of binary (16-bit length); a close with 1000 "bye". Waits for each answer.
     */
    private Session runScriptedSession() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(("GET /chat HTTP/1.1\r\nHost: 127.0.0.1:" + proxy.port() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            readHead(in);
            exchange(out, in, received, expected, frame(0x81, text("Hello")), answer(0x81, text("Hello")));
            out.write(frame(0x01, text("Hel")));
            exchange(out, in, received, expected, frame(0x89, text("ping!")), answer(0x8A, text("ping!")));
            out.write(frame(0x00, text("lo, ")));
            exchange(out, in, received, expected, frame(0x80, text("world")), answer(0x81, text("Hello, world")));
            byte[] binary = new byte[300];
            Arrays.fill(binary, (byte) 0x5a);
            exchange(out, in, received, expected, frame(0x82, binary), answer(0x82, binary));
            byte[] close = {0x03, (byte) 0xe8, 'b', 'y', 'e'};
            exchange(out, in, received, expected, frame(0x88, close), answer(0x88, new byte[] {0x03, (byte) 0xe8}));
            assertThat(in.read()).as("the server closes TCP after the close handshake (\u00a77.1.1)").isEqualTo(-1);
        }
        return new Session(received.toByteArray(), expected.toByteArray());
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            assertThat(b).isNotNegative();
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
    }

    private static void exchange(OutputStream out, DataInputStream in, ByteArrayOutputStream received,
            ByteArrayOutputStream expected, byte[] frame, byte[] answer) throws IOException {
        out.write(frame);
        byte[] got = new byte[answer.length];
        in.readFully(got);
        received.write(got);
        expected.write(answer);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A client frame, masked with {@link #KEY}. */
    private static byte[] frame(int b0, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b0);
        lengthWithMaskBit(out, payload.length, 0x80);
        out.writeBytes(KEY);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ KEY[i & 3]);
        }
        return out.toByteArray();
    }

    /** A server frame: unmasked. */
    private static byte[] answer(int b0, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b0);
        lengthWithMaskBit(out, payload.length, 0);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static void lengthWithMaskBit(ByteArrayOutputStream out, int length, int mask) {
        if (length <= 125) {
            out.write(mask | length);
        } else {
            out.write(mask | 126);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
    }
}
