package io.niows.spectests.engine;

import io.niows.spectests.deflate.DeflateParams;
import io.niows.spectests.deflate.MessageDeflater;
import io.niows.spectests.deflate.MessageInflater;
import io.niows.spectests.deflate.MessageTooBigException;
import io.niows.spectests.peer.PeerConnection;
import io.niows.spectests.peer.PeerEvent;
import io.niows.spectests.peer.Role;
import io.niows.spectests.peer.WireLog;
import io.niows.spectests.wire.Frame;
import io.niows.spectests.wire.FrameWriter;
import io.niows.spectests.wire.Hex;
import io.niows.spectests.wire.Opcode;
import io.niows.spectests.wire.Utf8Validator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;

/**
 * One fuzzing connection as Autobahn's protocol object plays it (RFC 6455 sections 5-7):
 * sends what the case asks, checks what the peer sends (fails the connection by dropping
 * TCP on a violation, as Autobahn's {@code failByDrop}), answers pings and close frames,
 * runs the case's timers, and records how the connection ended. When permessage-deflate was
 * agreed (RFC 7692), it compresses every message it sends as Autobahn's {@code sendMessage} does
 * and inflates the peer's compressed messages, holding them to the agreed parameters.
 *
 * <p>Not thread-safe: everything runs on the thread that calls {@link #run}; the case's
 * callbacks and timers run there too. {@link #close} releases the compressor's native memory.
 */
public final class FuzzSession {
    /** Autobahn's closeHandshakeTimeout and serverConnectionDropTimeout. */
    static final long CLOSE_TIMEOUT_MS = 1000;
    /**
     * The pause between turns that release queued writes: Autobahn's reactor re-entry delay
     * ({@code _QUEUED_WRITE_DELAY}, 10 µs; a Python reactor turn takes longer than that).
     */
    private static final long QUEUED_WRITE_PAUSE_NANOS = Long.getLong("niows.spectests.queuedWritePauseNanos", 10_000);
    /** The largest message a compressed message may inflate to (as the frame limit of the reader). */
    private static final long MAX_INFLATED = 256L << 20;

    /** Where the connection is in its life (section 4 and 7). */
    public enum State { OPEN, CLOSING, CLOSED }

    private final PeerConnection peer;
    private final SendQueue out;
    private final WireLog log;
    private final Timers timers = new Timers();
    private final SplittableRandom random = new SplittableRandom();
    private final CloseTracker close;
    private final MessageAssembler assembler = new MessageAssembler();
    private final TrafficStats stats = new TrafficStats();
    private final DeflateParams deflate;
    private final MessageDeflater deflater;
    private final MessageInflater inflater;
    private SessionListener listener;
    private State state = State.OPEN;
    private boolean closeReceived;
    private boolean failing;
    private Timers.Timer closeTimer;

    public FuzzSession(PeerConnection peer) {
        this(peer, null);
    }

    /** A session with permessage-deflate in force when {@code deflate} is not null. */
    public FuzzSession(PeerConnection peer, DeflateParams deflate) {
        this.peer = peer;
        this.out = new SendQueue(peer);
        this.log = peer.log();
        this.close = new CloseTracker(peer.role());
        this.deflate = deflate;
        this.deflater = deflate == null ? null
                : new MessageDeflater(deflate.localNoContextTakeover(), deflate.localMaxWindowBits());
        this.inflater = deflate == null ? null
                : new MessageInflater(deflate.peerNoContextTakeover(), deflate.peerMaxWindowBits(), MAX_INFLATED);
    }

    /** The permessage-deflate parameters in force, or null when the extension was not agreed. */
    public DeflateParams deflate() {
        return deflate;
    }

    /** A snapshot of the data traffic so far (Autobahn's {@code trafficStats}). */
    public Map<String, Object> trafficStats() {
        return stats.toMap();
    }

    /** Releases the compressor's and decompressor's native memory. Idempotent. */
    public void close() {
        if (deflater != null) {
            deflater.close();
            inflater.close();
        }
    }

    /** Sets who hears messages, pings and pongs. */
    public void listener(SessionListener l) {
        this.listener = l;
    }

    /** The connection's state now. */
    public State state() {
        return state;
    }

    /** The wire log. */
    public WireLog log() {
        return log;
    }

    /** How the connection ended so far. */
    public SessionFacts facts() {
        return close.facts();
    }

    /** Runs until TCP is closed or the deadline passes (then the connection is failed). */
    public void run(long deadlineNanos) throws InterruptedException {
        endTurn();
        while (state != State.CLOSED) {
            long now = System.nanoTime();
            Timers.Timer due = timers.pollDue(now);
            if (due != null) {
                due.action.run();
                endTurn();
                continue;
            }
            if (now >= deadlineNanos) {
                log.add("CASE_TIMEOUT");
                abort("case timed out");
                break;
            }
            long wait = Math.min(deadlineNanos, timers.nextDue()) - now;
            if (out.pending()) {
                wait = Math.min(wait, QUEUED_WRITE_PAUSE_NANOS);
            }
            PeerEvent ev = peer.poll(Math.max(wait, 1), TimeUnit.NANOSECONDS);
            if (ev != null) {
                handle(ev);
            }
            if (ev != null || out.pending()) {
                endTurn();
            }
        }
    }

    /** Ends a reactor turn (see {@link SendQueue}); once the connection is closed nothing more is sent. */
    private void endTurn() {
        if (state != State.CLOSED) {
            out.endTurn();
        }
    }

    // ---- sending, for cases ------------------------------------------------------------

    /**
     * Sends one frame as described (masked when the fuzzer is the client), grouped into TCP
     * writes as Autobahn's {@code sendFrame} does (see {@link SendQueue}): chops and sync frames
     * are queued, anything else is sent plainly.
     */
    public void send(OutFrame f) {
        byte[] bytes = encode(f);
        if (f.chop > 0) {
            for (int off = 0; off < bytes.length; off += f.chop) {
                out.writeQueued(Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + f.chop)));
            }
        } else if (f.sync) {
            out.writeQueued(bytes);
        } else {
            out.write(bytes);
        }
    }

    /**
     * Encodes a frame (masked when the fuzzer is the client), logs and counts it, without
     * sending it: for cases that send one frame's bytes in timed pieces.
     */
    public byte[] encode(OutFrame f) {
        byte[] key = null;
        if (peer.role() == Role.CLIENT && !f.unmasked) {
            key = new byte[4];
            int r = random.nextInt();
            for (int i = 0; i < 4; i++) {
                key[i] = (byte) (r >>> (8 * i));
            }
        }
        log.countTxFrame(f.opcode);
        byte[] bytes = FrameWriter.encode(f.fin, f.rsv, f.opcode, f.payload, key);
        if (!Opcode.isControl(f.opcode)) {
            stats.outgoingFrames++;
            stats.outgoingWire += bytes.length;
        }
        if (log.enabled()) {
            log.add("TF", preview(f.payload), f.opcode, f.fin, f.rsv, key == null ? null : Hex.of(key),
                    null, f.chop > 0 ? f.chop : null, f.sync);
        }
        return bytes;
    }

    /** Sends bytes plainly, as Autobahn's {@code sendData}: they leave with whatever else this turn sends. */
    public void writeRaw(byte[] bytes) {
        out.write(bytes);
    }

    /**
     * Sends a message as Autobahn's {@code sendMessage}: compressed when permessage-deflate is in
     * force (RSV1 on the first frame only, RFC 7692 section 6), then split into frames of
     * {@code fragmentSize} octets when positive and the payload is longer. Autobahn's loop is kept
     * as it is: a payload of an exact multiple of the size ends with an empty final frame.
     */
    public void sendMessage(byte[] payload, boolean binary, int fragmentSize) {
        int opcode = binary ? Opcode.BINARY : Opcode.TEXT;
        byte[] wire = deflater == null ? payload : deflater.compress(payload);
        int rsv = deflater == null ? 0 : FrameRules.RSV1;
        stats.outgoingMessages++;
        stats.outgoingApp += payload.length;
        stats.outgoingWebSocket += wire.length;
        if (fragmentSize <= 0 || wire.length <= fragmentSize) {
            send(OutFrame.of(opcode).rsv(rsv).payload(wire));
            return;
        }
        boolean done = false;
        for (int i = 0; !done; i += fragmentSize) {
            int j = i + fragmentSize;
            if (j > wire.length) {
                done = true;
                j = wire.length;
            }
            send(OutFrame.of(i == 0 ? opcode : Opcode.CONTINUATION).rsv(i == 0 ? rsv : 0)
                    .payload(Arrays.copyOfRange(wire, i, j)).fin(done));
        }
    }

    /** Starts the closing handshake (section 7.1.2) if open; code and reason may be null. */
    public void sendClose(Integer code, String reason) {
        sendCloseFrame(code, reason == null ? null : reason.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts the closing handshake with raw reason bytes, valid or not, if open. */
    public void sendCloseFrame(Integer code, byte[] reason) {
        if (state != State.OPEN) {
            return;
        }
        writeClose(code, reason);
        state = State.CLOSING;
        close.sentFirstClose(code, reason);
        closeTimer = timers.schedule(CLOSE_TIMEOUT_MS, this::onCloseTimeout);
    }

    // ---- timers, for cases -------------------------------------------------------------

    /** Runs {@code action} after a delay unless the connection is closed by then. */
    public void continueLater(long delayMillis, String tag, Runnable action) {
        log.add("CT", delayMillis / 1000.0, tag);
        timers.schedule(delayMillis, () -> {
            if (state != State.CLOSED) {
                log.add("CTE", tag);
                action.run();
            }
        });
    }

    /** Fails the connection (drops TCP) after a delay unless it is closed by then. */
    public void killAfter(long delayMillis) {
        log.add("KL", delayMillis / 1000.0);
        timers.schedule(delayMillis, () -> {
            if (state != State.CLOSED) {
                log.add("KLE");
                fail(1001, "I failed the WebSocket connection after a timeout (Going Away)");
            }
        });
    }

    /** Starts the closing handshake after a delay unless the connection is closed by then. */
    public void closeAfter(long delayMillis) {
        log.add("TI", delayMillis / 1000.0);
        timers.schedule(delayMillis, () -> {
            if (state != State.CLOSED) {
                log.add("TIE");
                sendClose(null, null);
            }
        });
    }

    // ---- receiving -----------------------------------------------------------------------

    private void handle(PeerEvent ev) {
        if (ev instanceof PeerEvent.FrameReceived fr) {
            onFrame(fr.frame());
        } else if (ev instanceof PeerEvent.Unreadable u) {
            protocolViolation(u.reason());
        } else if (ev instanceof PeerEvent.TcpClosed) {
            if (state != State.CLOSED) {
                state = State.CLOSED;
                close.peerDroppedTcp();
            }
        }
    }

    private void onFrame(Frame f) {
        if (state == State.CLOSED || closeReceived || (failing && f.opcode() != Opcode.CLOSE)) {
            return;
        }
        String violation = FrameRules.violation(f, peer.role(), assembler.inMessage(), deflate != null);
        if (violation != null) {
            protocolViolation(violation);
            return;
        }
        switch (f.opcode()) {
            case Opcode.CLOSE -> onClose(f.payload());
            case Opcode.PING -> {
                if (state == State.OPEN) {
                    send(OutFrame.of(Opcode.PONG).payload(f.payload()));
                }
                listener.onPing(f.payload());
            }
            case Opcode.PONG -> listener.onPong(f.payload());
            default -> onData(f);
        }
    }

    private void onData(Frame f) {
        if (f.opcode() != Opcode.CONTINUATION) {
            boolean compressed = f.rsv() == FrameRules.RSV1;
            assembler.start(f.opcode(), compressed);
            if (compressed) {
                inflater.startMessage();
            }
        }
        byte[] data = f.payload();
        if (assembler.compressed()) {
            try {
                data = inflater.inflate(f.payload(), f.fin());
            } catch (DataFormatException e) {
                invalidPayload("invalid compressed data: " + e.getMessage());
                return;
            } catch (MessageTooBigException e) {
                log.add("MESSAGE_TOO_BIG", e.getMessage());
                fail(1009, "I failed the connection: " + e.getMessage());
                return;
            }
        }
        countIncoming(f, data);
        if (!assembler.add(data, f.fin())) {
            invalidPayload("invalid UTF-8 in text message from peer");
            return;
        }
        if (f.fin()) {
            boolean binary = assembler.binary();
            listener.onMessage(assembler.take(), binary);
        }
    }

    private void countIncoming(Frame f, byte[] inflated) {
        if (state != State.OPEN) {
            return;
        }
        int len = f.payload().length;
        stats.incomingFrames++;
        stats.incomingWire += 2 + (len < 126 ? 0 : len <= 0xFFFF ? 2 : 8) + (f.masked() ? 4 : 0) + len;
        stats.incomingWebSocket += len;
        stats.incomingApp += inflated.length;
        if (f.fin()) {
            stats.incomingMessages++;
        }
    }

    private void onClose(byte[] payload) {
        Integer code = null;
        String reason = null;
        if (payload.length == 1) {
            protocolViolation("close frame with a 1-octet payload");
            return;
        }
        if (payload.length >= 2) {
            code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
            if (!FrameRules.closeCodeAllowed(code)) {
                protocolViolation("invalid close code " + code);
                return;
            }
            byte[] r = Arrays.copyOfRange(payload, 2, payload.length);
            if (!Utf8Validator.isValid(r)) {
                invalidPayload("invalid close reason (non-UTF-8 payload)");
                return;
            }
            reason = new String(r, StandardCharsets.UTF_8);
        }
        closeReceived = true;
        close.receivedClose(code, reason);
        if (state == State.CLOSING) {
            if (closeTimer != null) {
                closeTimer.cancel();
            }
            awaitTcpDrop();
        } else {
            writeClose(1000, null);
            state = State.CLOSING;
            close.repliedClose(1000);
            awaitTcpDrop();
        }
    }

    /**
     * Section 5.5.1: after sending and receiving a close, "The server MUST close the
     * underlying TCP connection immediately; the client SHOULD wait for the server to close
     * the connection". As a client, wait and give up after a timeout (an unclean end).
     */
    private void awaitTcpDrop() {
        if (peer.role() == Role.SERVER) {
            drop();
            return;
        }
        timers.schedule(CLOSE_TIMEOUT_MS, () -> {
            if (state != State.CLOSED) {
                close.serverDropTimedOut();
                drop();
            }
        });
    }

    private void onCloseTimeout() {
        if (state != State.CLOSED && !closeReceived) {
            close.closeHandshakeTimedOut();
            drop();
        }
    }

    private void writeClose(Integer code, byte[] reason) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        if (code != null) {
            p.write(code >>> 8);
            p.write(code);
        }
        if (reason != null) {
            p.writeBytes(reason);
        }
        send(OutFrame.of(Opcode.CLOSE).payload(p.toByteArray()));
    }

    private void protocolViolation(String reason) {
        log.add("PROTOCOL_VIOLATION", reason);
        fail(1002, "I failed the connection: " + reason);
    }

    private void invalidPayload(String reason) {
        log.add("INVALID_PAYLOAD", reason);
        fail(1007, "I failed the connection: " + reason);
    }

    /**
     * Fails the connection as the Autobahn fuzzer does with {@code failByDrop: false}: a close
     * frame with the code when open (so the fuzzer becomes the closing endpoint, which the
     * judge holds against the peer), TCP dropped when the handshake is already under way.
     */
    private void fail(int code, String reason) {
        if (state == State.OPEN) {
            close.failed(reason);
            failing = true;
            sendClose(code, null);
        } else if (state == State.CLOSING) {
            close.failed(reason);
            drop();
        }
    }

    private void abort(String reason) {
        if (state != State.CLOSED) {
            close.failed(reason);
            drop();
        }
    }

    /**
     * Closes TCP as Autobahn's {@code dropConnection} does through Twisted's
     * {@code loseConnection}: what this turn wrote leaves first (a server's close reply is
     * written in the turn that drops), items still in the send queue do not.
     */
    private void drop() {
        if (state != State.CLOSED) {
            close.droppedTcp();
            state = State.CLOSED;
            peer.flush();
            peer.drop();
        }
    }

    private static String preview(byte[] payload) {
        int n = Math.min(payload.length, WireLog.MAX_DATA);
        return new String(payload, 0, n, StandardCharsets.ISO_8859_1) + (payload.length > n ? " ..." : "");
    }
}
