package io.niows.spectests.run;

import io.niows.spectests.wire.ClientHandshake;
import io.niows.spectests.wire.Frame;
import io.niows.spectests.wire.FrameFormatException;
import io.niows.spectests.wire.FrameReader;
import io.niows.spectests.wire.FrameWriter;
import io.niows.spectests.wire.Opcode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A small echo client under test, scripted on the fuzzer's own codec: echoes messages,
 * answers pings, fails the connection with 1002 on reserved bits or opcodes, answers the
 * close handshake and waits for the server to close TCP. Blocking; one connection per call.
 */
final class ScriptedEchoClient {
    private static final byte[] MASK = {1, 2, 3, 4};

    private ScriptedEchoClient() {
    }

    /** Connects to a URL and plays the echo script until TCP closes; returns the first text message. */
    static String run(URI url) throws IOException {
        try (Socket s = new Socket(url.getHost(), url.getPort())) {
            s.setSoTimeout(20_000);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            new ClientHandshake().perform(url, "scripted-echo", in, out);
            return loop(in, out);
        }
    }

    private static String loop(InputStream in, OutputStream out) throws IOException {
        FrameReader reader = new FrameReader(1 << 26);
        ByteArrayOutputStream message = null;
        int messageOpcode = 0;
        String firstText = null;
        boolean closing = false;
        byte[] buf = new byte[65536];
        int n;
        try {
            while ((n = in.read(buf)) >= 0) {
                for (Frame f : reader.feed(buf, 0, n)) {
                    if (closing) {
                        continue;
                    }
                    if (violates(f, message != null)) {
                        send(out, Opcode.CLOSE, new byte[] {0x03, (byte) 0xEA});
                        closing = true;
                    } else if (f.opcode() == Opcode.PING) {
                        send(out, Opcode.PONG, f.payload());
                    } else if (f.opcode() == Opcode.CLOSE) {
                        send(out, Opcode.CLOSE, f.payload().length >= 2 ? new byte[] {f.payload()[0], f.payload()[1]}
                                : new byte[0]);
                        closing = true;
                    } else if (f.opcode() != Opcode.PONG) {
                        if (f.opcode() != Opcode.CONTINUATION) {
                            message = new ByteArrayOutputStream();
                            messageOpcode = f.opcode();
                        }
                        message.writeBytes(f.payload());
                        if (f.fin()) {
                            send(out, messageOpcode, message.toByteArray());
                            if (firstText == null && messageOpcode == Opcode.TEXT) {
                                firstText = message.toString(StandardCharsets.UTF_8);
                            }
                            message = null;
                        }
                    }
                }
            }
        } catch (FrameFormatException e) {
            throw new IOException(e);
        }
        return firstText;
    }

    private static boolean violates(Frame f, boolean inMessage) {
        if (f.rsv() != 0 || !Opcode.isDefined(f.opcode())) {
            return true;
        }
        if (Opcode.isControl(f.opcode())) {
            return !f.fin() || f.payload().length > 125;
        }
        return (f.opcode() == Opcode.CONTINUATION) != inMessage;
    }

    private static void send(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(FrameWriter.encode(true, 0, opcode, payload, MASK));
        out.flush();
    }
}
