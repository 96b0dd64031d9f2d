package io.niows.spectests.run;

import io.niows.spectests.wire.Frame;
import io.niows.spectests.wire.FrameFormatException;
import io.niows.spectests.wire.FrameReader;
import io.niows.spectests.wire.FrameWriter;
import io.niows.spectests.wire.Opcode;
import io.niows.spectests.wire.ServerHandshake;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * An echo server under test that answers as Python websockets' asyncio server does: it parses
 * every frame of one read before its echo task runs, so it echoes and answers pings only once
 * the read is used up, and a reserved bit fails the connection (close 1002) before anything
 * already parsed is echoed. It reads as soon as bytes arrive (it spins briefly on
 * {@code available()} instead of sleeping in {@code read}, whose wake-up can be late enough to
 * find later segments too), so each TCP write of the fuzzer normally arrives in a read of its
 * own. Serves one connection on 127.0.0.1 on a thread of its own; close it to stop it.
 */
final class ReadThenEchoServer implements AutoCloseable {
    private static final long SPIN_NANOS = 50_000_000;

    private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final Thread thread = new Thread(this::serveOne, "read-then-echo-server");

    ReadThenEchoServer() throws IOException {
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        thread.join(5000);
    }

    private void serveOne() {
        try (Socket s = listener.accept()) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            new ServerHandshake().perform(in, out, "read-then-echo");
            out.flush();
            serveFrames(in, out);
        } catch (IOException | FrameFormatException e) {
            // the fuzzer ended the connection; the case result says how
        }
    }

    private static void serveFrames(InputStream in, OutputStream out) throws IOException, FrameFormatException {
        FrameReader reader = new FrameReader(1 << 20);
        byte[] buf = new byte[65536];
        boolean failed = false;
        int n;
        while ((n = readPromptly(in, buf)) >= 0) {
            ByteArrayOutputStream answers = new ByteArrayOutputStream();
            for (Frame f : reader.feed(buf, 0, n)) {
                if (f.opcode() == Opcode.CLOSE) {
                    if (!failed) {
                        out.write(FrameWriter.encode(true, 0, Opcode.CLOSE, f.payload(), null));
                    }
                    out.flush();
                    return;
                }
                if (failed) {
                    continue;
                }
                if (f.rsv() != 0) {
                    out.write(FrameWriter.encode(true, 0, Opcode.CLOSE, new byte[] {0x03, (byte) 0xEA}, null));
                    out.flush();
                    failed = true;
                    answers.reset();
                } else if (f.opcode() == Opcode.TEXT || f.opcode() == Opcode.BINARY) {
                    answers.writeBytes(FrameWriter.encode(true, 0, f.opcode(), f.payload(), null));
                } else if (f.opcode() == Opcode.PING) {
                    answers.writeBytes(FrameWriter.encode(true, 0, Opcode.PONG, f.payload(), null));
                }
            }
            out.write(answers.toByteArray());
            out.flush();
        }
    }

    private static int readPromptly(InputStream in, byte[] buf) throws IOException {
        long until = System.nanoTime() + SPIN_NANOS;
        while (in.available() == 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return in.read(buf);
    }
}
