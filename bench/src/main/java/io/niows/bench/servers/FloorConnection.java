package io.niows.bench.servers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Locale;

/**
 * A connection of the {@link FloorServer}: the upgrade (no checks but the key it must answer),
 * then frames streamed through: each header answered by the same header unmasked, each payload
 * chunk unmasked straight into the loop's out buffer. On {@code /broadcast} a data message is
 * gathered whole and handed to the server to fan out.
 *
 * <p>Not thread-safe: confined to its loop thread.
 */
final class FloorConnection {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int B1_LENGTH = 0x7F;
    private static final int B1_MASK = 0x80;
    private static final int CONTROL = 0x08;

    final SocketChannel channel;
    SelectionKey key;
    boolean broadcast;
    private StringBuilder head = new StringBuilder();
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>(0);
    private final byte[] header = new byte[14];
    private int headerRead;
    private long remaining = -1;
    private int mask;
    private int maskIndex;
    private ByteBuffer message;

    FloorConnection(SocketChannel channel) {
        this.channel = channel;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    void keep(ByteBuffer data) {
        pending.add(data);
    }

    /** Writes kept bytes; true when none are left. */
    boolean writePending() throws IOException {
        while (!pending.isEmpty()) {
            ByteBuffer b = pending.peek();
            channel.write(b);
            if (b.hasRemaining()) {
                return false;
            }
            pending.poll();
        }
        return true;
    }

    /** Turns the bytes of {@code in} into the answer in {@code out}. */
    void consume(ByteBuffer in, ByteBuffer out, FloorServer server) throws IOException {
        if (head != null && !upgrade(in, out)) {
            return;
        }
        while (true) {
            if (remaining < 0 && !readHeader(in, out)) {
                return;
            }
            if (remaining > 0) {
                if (!in.hasRemaining()) {
                    return;
                }
                payload(in, out);
            }
            if (remaining == 0) {
                remaining = -1;
                if (message != null) {
                    server.broadcast(message.flip().asReadOnlyBuffer());
                    message = null;
                }
            }
        }
    }

    private boolean upgrade(ByteBuffer in, ByteBuffer out) throws IOException {
        while (in.hasRemaining()) {
            head.append((char) (in.get() & 0xFF));
            if (head.length() > 16384) {
                throw new IOException("request head too large");
            }
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 3) == '\n') {
                String request = head.toString();
                head = null;
                broadcast = request.startsWith("GET /broadcast");
                out.put(response(request).getBytes(StandardCharsets.US_ASCII));
                return true;
            }
        }
        return false;
    }

    private static String response(String request) throws IOException {
        String key = null;
        for (String line : request.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        if (key == null) {
            throw new IOException("no Sec-WebSocket-Key");
        }
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(sha1) + "\r\n\r\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean readHeader(ByteBuffer in, ByteBuffer out) {
        while (in.hasRemaining()) {
            header[headerRead++] = in.get();
            if (headerRead >= 2 && headerRead == headerLength()) {
                startFrame(out);
                return true;
            }
        }
        return false;
    }

    private int headerLength() {
        int len7 = header[1] & B1_LENGTH;
        int extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        return 2 + extended + ((header[1] & B1_MASK) != 0 ? 4 : 0);
    }

    private void startFrame(ByteBuffer out) {
        int len7 = header[1] & B1_LENGTH;
        int extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        ByteBuffer h = ByteBuffer.wrap(header, 0, headerRead);
        remaining = len7 == 126 ? h.getShort(2) & 0xFFFF : len7 == 127 ? h.getLong(2) : len7;
        mask = (header[1] & B1_MASK) != 0 ? h.getInt(2 + extended) : 0;
        maskIndex = 0;
        headerRead = 0;
        header[1] &= B1_LENGTH;
        ByteBuffer target = out;
        if (broadcast && (header[0] & CONTROL) == 0) {
            message = ByteBuffer.allocate(2 + extended + (int) remaining);
            target = message;
        }
        target.put(header, 0, 2 + extended);
    }

    private void payload(ByteBuffer in, ByteBuffer out) {
        ByteBuffer target = message != null ? message : out;
        int n = (int) Math.min(remaining, Math.min(in.remaining(), target.remaining()));
        int key = Integer.rotateLeft(mask, 8 * maskIndex);
        long key8 = (key & 0xFFFFFFFFL) << 32 | (key & 0xFFFFFFFFL);
        int p = in.position();
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            target.putLong(in.getLong(p + i) ^ key8);
        }
        for (; i < n; i++) {
            target.put((byte) (in.get(p + i) ^ (key >>> (24 - 8 * (i & 3)))));
        }
        in.position(p + n);
        remaining -= n;
        maskIndex = (maskIndex + n) & 3;
    }
}
