package io.niows.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one direction of a connection's bytes, in any split, and tells a {@link FrameTrace} each
 * opening-handshake head and each frame as it is on the wire. It judges nothing: a frame that
 * breaks a rule is reported as it is (the engine's decoder is what judges), and after a 64-bit
 * length with its top bit set, or a response head other than 101, it stops reading frames.
 *
 * <p>Once permessage-deflate is agreed ({@link #inflateCompressed()}), it inflates each compressed
 * message (RFC 7692 §7.2.2) on its own inflater, keeping the window from message to message as a
 * receiver that keeps context does (which also reads messages sent without context), and reports
 * the inflated size on the message's last frame. It holds at most one header, a payload preview and
 * that inflater.
 *
 * <p>Thread-safe: each method is synchronized, so bytes of one direction may come from more than
 * one thread, as long as each call passes whole frames or the callers agree on the order.
 */
public final class WireTrace {

    /** The most payload bytes a data frame's preview holds; a control frame's holds all (at most 125). */
    public static final int PREVIEW_BYTES = 64;
    /** The longest handshake head read; past it the direction is no longer traced. */
    private static final int MAX_HEAD = 64 * 1024;
    private static final byte[] DEFLATE_TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};
    private static final int HEADER_START = 2;
    /** The empty line that ends a head. */
    private static final int CRLF_CRLF = 0x0D0A0D0A;
    private static final int MAX_CONTROL_PREVIEW = 125;

    private enum Mode { HEAD, FRAMES, STOPPED }

    private final FrameTrace hook;
    private final TracedFrame.Direction direction;
    private Mode mode;
    private ByteArrayOutputStream head;
    /** The last four bytes of the head read so far, the latest in the low byte. */
    private int lastFour;
    private final byte[] header = new byte[14];
    private int headerFill;
    private int headerNeeded = HEADER_START;
    private boolean inPayload;
    private long payloadLength;
    private long remaining;
    private long payloadPosition;
    private byte[] preview;
    private int previewFill;
    private long offset;
    private long frameStart;
    private Inflater inflater;
    private byte[] scratch;
    private boolean messageCompressed;
    private long inflated;

    /**
     * @param hook told each head and frame
     * @param direction the direction reported with them
     * @param headFirst whether the stream begins with an opening-handshake head
     */
    public WireTrace(FrameTrace hook, TracedFrame.Direction direction, boolean headFirst) {
        this.hook = hook;
        this.direction = direction;
        this.mode = headFirst ? Mode.HEAD : Mode.FRAMES;
        this.head = headFirst ? new ByteArrayOutputStream() : null;
    }

    /** From the next message on, inflates messages whose first frame has RSV1 set, to report their size. */
    public synchronized void inflateCompressed() {
        if (inflater == null) {
            inflater = new Inflater(true);
            scratch = new byte[8192];
        }
    }

    /** Releases the inflater's native memory; the trace reads no more. */
    public synchronized void end() {
        mode = Mode.STOPPED;
        if (inflater != null) {
            inflater.end();
            inflater = null;
        }
    }

    /**
     * Reads the bytes from {@code bytes}' position to its limit; the position does not move.
     *
     * @param bytes the next bytes of this direction
     */
    public synchronized void feed(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(bytes.position(), copy);
        feed(copy, 0, copy.length);
    }

    /**
     * Reads the bytes of an opening-handshake head from {@code bytes}, and none after its end; the
     * position does not move. A caller that must act on the head before its frames are read (as
     * an engine learns from it whether messages are compressed) passes the rest later.
     *
     * @param bytes the next bytes of this direction
     * @return how many were read: 0 when no head is being read
     */
    public synchronized int feedHead(ByteBuffer bytes) {
        if (mode != Mode.HEAD) {
            return 0;
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(bytes.position(), copy);
        return readHead(copy, 0, copy.length);
    }

    /**
     * Reads {@code length} bytes of {@code bytes} from {@code from}.
     *
     * @param bytes holds the next bytes of this direction
     * @param from the first one's index
     * @param length how many
     */
    public synchronized void feed(byte[] bytes, int from, int length) {
        int i = from;
        int end = from + length;
        while (i < end && mode != Mode.STOPPED) {
            if (mode == Mode.HEAD) {
                i = readHead(bytes, i, end);
            } else if (!inPayload) {
                offset++;
                header[headerFill++] = bytes[i++];
                if (headerFill == HEADER_START) {
                    int length7 = header[1] & 0x7F;
                    headerNeeded = HEADER_START + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0)
                            + ((header[1] & 0x80) != 0 ? 4 : 0);
                }
                if (headerFill == headerNeeded) {
                    startPayload();
                }
            } else {
                int n = (int) Math.min(remaining, end - i);
                payload(bytes, i, n);
                i += n;
            }
        }
    }

    private int readHead(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end) {
            byte b = bytes[i++];
            head.write(b);
            lastFour = lastFour << Byte.SIZE | b & 0xFF;
            int size = head.size();
            if (size >= 4 && lastFour == CRLF_CRLF) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                head = null;
                boolean refused = text.startsWith("HTTP/") && !text.regionMatches(text.indexOf(' ') + 1, "101", 0, 3);
                mode = refused ? Mode.STOPPED : Mode.FRAMES;
                hook.onHandshake(direction, text);
                return i;
            }
            if (size > MAX_HEAD) {
                mode = Mode.STOPPED;
                return end;
            }
        }
        return i;
    }

    private void startPayload() {
        frameStart = offset - headerFill;
        int length7 = header[1] & 0x7F;
        long length = length7;
        if (length7 >= 126) {
            int bytes = length7 == 126 ? 2 : 8;
            length = 0;
            for (int k = 0; k < bytes; k++) {
                length = length << 8 | header[HEADER_START + k] & 0xFF;
            }
        }
        payloadLength = length;
        remaining = length;
        payloadPosition = 0;
        int opcode = header[0] & 0x0F;
        boolean control = (opcode & 0x8) != 0;
        int cap = control ? MAX_CONTROL_PREVIEW : PREVIEW_BYTES;
        preview = new byte[length < 0 ? 0 : (int) Math.min(length, cap)];
        previewFill = 0;
        if (!control && opcode != 0) {
            messageCompressed = inflater != null && (header[0] & 0x40) != 0;
            inflated = 0;
        }
        if (length < 0) {
            // §5.2: "the most significant bit MUST be 0"; no length to skip, so no later frame is found.
            emit();
            mode = Mode.STOPPED;
        } else if (length == 0) {
            endFrame();
        } else {
            inPayload = true;
        }
    }

    private void payload(byte[] bytes, int from, int n) {
        boolean masked = (header[1] & 0x80) != 0;
        int take = (int) Math.min(n, preview.length - previewFill);
        for (int k = 0; k < take; k++) {
            preview[previewFill++] = unmask(bytes[from + k], payloadPosition + k, masked);
        }
        if (messageCompressed && !isControl()) {
            inflatePart(bytes, from, n, masked);
        }
        payloadPosition += n;
        remaining -= n;
        offset += n;
        if (remaining == 0) {
            inPayload = false;
            endFrame();
        }
    }

    private void inflatePart(byte[] bytes, int from, int n, boolean masked) {
        byte[] plain = new byte[n];
        for (int k = 0; k < n; k++) {
            plain[k] = unmask(bytes[from + k], payloadPosition + k, masked);
        }
        inflate(plain);
    }

    private void inflate(byte[] compressed) {
        if (inflated < 0) {
            return;
        }
        inflater.setInput(compressed);
        try {
            while (!inflater.needsInput() && !inflater.finished()) {
                int got = inflater.inflate(scratch);
                if (got == 0) {
                    break;
                }
                inflated += got;
            }
        } catch (DataFormatException notDeflate) {
            inflated = -1;
            inflater.reset();
        }
    }

    private byte unmask(byte b, long position, boolean masked) {
        if (!masked) {
            return b;
        }
        int keyAt = headerNeeded - 4 + (int) (position & 3);
        return (byte) (b ^ header[keyAt]);
    }

    private boolean isControl() {
        return (header[0] & 0x8) != 0;
    }

    private void endFrame() {
        emit();
        headerFill = 0;
        headerNeeded = HEADER_START;
    }

    private void emit() {
        long inflatedLength = -1;
        if (messageCompressed && !isControl() && (header[0] & 0x80) != 0) {
            inflate(DEFLATE_TAIL);
            inflatedLength = inflated;
            messageCompressed = false;
        }
        hook.onFrame(new TracedFrame(direction, frameStart, Arrays.copyOf(header, headerFill), payloadLength,
                preview, inflatedLength));
    }
}
