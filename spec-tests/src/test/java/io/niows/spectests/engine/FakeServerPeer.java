package io.niows.spectests.engine;

import io.niows.spectests.peer.PeerConnection;
import io.niows.spectests.peer.PeerEvent;
import io.niows.spectests.peer.Role;
import io.niows.spectests.peer.WireLog;
import io.niows.spectests.wire.Frame;
import io.niows.spectests.wire.FrameFormatException;
import io.niows.spectests.wire.FrameReader;
import io.niows.spectests.wire.Opcode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory server under test: decodes what the fuzzer writes and answers through a
 * scripted behaviour, with no socket and no thread. Bytes reach it only when the fuzzer
 * flushes, as they reach a socket; it keeps the bytes of each flush, in order, as one TCP
 * write. Used on the case thread only.
 */
public final class FakeServerPeer implements PeerConnection {

    /** What the fake server does with each frame the fuzzer sent. */
    public interface Behaviour {
        void onFrame(Frame frame, FakeServerPeer server);
    }

    private final BlockingQueue<PeerEvent> events = new LinkedBlockingQueue<>();
    private final FrameReader reader = new FrameReader(1 << 24);
    private final WireLog log = new WireLog();
    private final Behaviour behaviour;
    private final ByteArrayOutputStream unflushed = new ByteArrayOutputStream();
    private final List<byte[]> writes = new ArrayList<>();
    private boolean closed;

    public FakeServerPeer(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Sends a frame to the fuzzer. */
    public void reply(int opcode, byte[] payload) {
        if (!closed) {
            events.add(new PeerEvent.FrameReceived(new Frame(true, 0, opcode, null, payload)));
        }
    }

    /** Sends a frame to the fuzzer exactly as given (reserved bits, fragments). */
    public void reply(Frame frame) {
        if (!closed) {
            events.add(new PeerEvent.FrameReceived(frame));
        }
    }

    /** Fails the connection the way a server should: close frame with a code, then TCP close. */
    public void fail(int code) {
        reply(Opcode.CLOSE, new byte[] {(byte) (code >>> 8), (byte) code});
        closeTcp();
    }

    /** Closes TCP from the server side. */
    public void closeTcp() {
        if (!closed) {
            closed = true;
            events.add(new PeerEvent.TcpClosed("server closed"));
        }
    }

    @Override
    public Role role() {
        return Role.CLIENT;
    }

    /** The bytes of each flush that carried any, in order. */
    public List<byte[]> writes() {
        return writes;
    }

    @Override
    public void write(byte[] bytes, boolean sync) {
        if (!closed) {
            unflushed.writeBytes(bytes);
        }
    }

    @Override
    public void flush() {
        if (closed || unflushed.size() == 0) {
            return;
        }
        byte[] bytes = unflushed.toByteArray();
        unflushed.reset();
        writes.add(bytes);
        try {
            for (Frame f : reader.feed(bytes, 0, bytes.length)) {
                behaviour.onFrame(f, this);
            }
        } catch (FrameFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public PeerEvent poll(long timeout, TimeUnit unit) throws InterruptedException {
        return events.poll(timeout, unit);
    }

    @Override
    public WireLog log() {
        return log;
    }

    @Override
    public void drop() {
        closed = true;
    }

    @Override
    public void close() {
        drop();
    }
}
