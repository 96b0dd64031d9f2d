package io.niows.bench.jmh;

import io.niows.bench.servers.NiowsBenchServer;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One binary message echoed by the niows bench server (its echo route, one selector loop, in
 * this JVM) to a blocking client on the benchmark thread that writes a prebuilt masked frame and
 * reads the answer into a reused array. What it is for: the bytes the JVM allocates per echo,
 * with {@code -prof gc} ({@code gc.alloc.rate.norm}, which JMH 1.37 sums over every thread of
 * the JVM, so the server's loop is counted; the client allocates nothing per message once
 * warm). Times include the loopback round trip and are not the server's cost alone: for that
 * use the load tools.
 *
 * <p>The server threads outlive the benchmark (the bench servers have no stop); run with {@code
 * -jvmArgsAppend -Djmh.shutdownTimeout=0} so the forked JVM does not wait for them.
 *
 * <p>JMH state: one connection per trial, used by the one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EchoPathBenchmark {

    @Param({"16", "4096", "1048576"})
    int size;

    private Socket socket;
    private OutputStream out;
    private DataInputStream in;
    private byte[] frame;
    private byte[] answer;

    @Setup(Level.Trial)
    public void connect() throws Exception {
        int port = new NiowsBenchServer().start("127.0.0.1", 1);
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        skipHead(in);
        frame = maskedBinaryFrame(size);
        answer = new byte[headerLength(size, false) + size];
    }

    @Benchmark
    public byte echo() throws IOException {
        out.write(frame);
        in.readFully(answer);
        return answer[answer.length - 1];
    }

    @TearDown(Level.Trial)
    public void disconnect() throws IOException {
        socket.close();
    }

    private static void skipHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake");
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    private static int headerLength(int size, boolean masked) {
        return (size <= 125 ? 2 : size <= 0xFFFF ? 4 : 10) + (masked ? 4 : 0);
    }

    private static byte[] maskedBinaryFrame(int size) {
        byte[] payload = new byte[size];
        new Random(size).nextBytes(payload);
        byte[] key = {0x12, 0x34, 0x56, 0x78};
        int h = headerLength(size, true);
        byte[] f = new byte[h + size];
        f[0] = (byte) 0x82;
        if (size <= 125) {
            f[1] = (byte) (0x80 | size);
        } else if (size <= 0xFFFF) {
            f[1] = (byte) (0x80 | 126);
            f[2] = (byte) (size >>> 8);
            f[3] = (byte) size;
        } else {
            f[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                f[2 + i] = (byte) ((long) size >>> (56 - 8 * i));
            }
        }
        System.arraycopy(key, 0, f, h - 4, 4);
        for (int i = 0; i < size; i++) {
            f[h + i] = (byte) (payload[i] ^ key[i & 3]);
        }
        return f;
    }
}
