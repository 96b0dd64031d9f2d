package io.niows.spectests.cases;

import io.niows.spectests.engine.FuzzSession;
import io.niows.spectests.engine.OutFrame;
import io.niows.spectests.engine.SessionListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a case script sees of one connection (Autobahn's {@code Case} plus its protocol
 * handle {@code self.p}): send frames and messages, start the closing handshake, set
 * timers, declare the expected outcomes, and record what arrived. It does not know whether
 * the fuzzer is the client or the server.
 *
 * <p>Not thread-safe: used on the session's thread only.
 */
public final class CaseContext implements SessionListener {

    /** Replaces the default recording of messages (the group 9 cases count and time instead). */
    @FunctionalInterface
    public interface MessageHandler {
        void onMessage(CaseContext c, byte[] payload, boolean binary);
    }

    private final FuzzSession session;
    private final Map<Verdict, List<Observed>> expected = new LinkedHashMap<>();
    private final List<Observed> received = new ArrayList<>();
    private ExpectedClose expectedClose = ExpectedClose.normal();
    private Verdict behavior = Verdict.FAILED;
    private String result = "Actual events differ from any expected.";
    private boolean suppressClose;
    private MessageHandler messageHandler;
    private Map<String, Object> trafficStats;

    public CaseContext(FuzzSession session) {
        this.session = session;
        session.listener(this);
    }

    // ---- expectations ----

    /** Declares an outcome: receiving exactly these events, in order, earns this verdict. */
    public void expect(Verdict verdict, Observed... events) {
        expected.put(verdict, List.of(events));
    }

    /** Declares how the connection should end. */
    public void expectClose(ExpectedClose close) {
        this.expectedClose = close;
    }

    /** Keeps the context from closing by itself once the expected events arrived. */
    public void suppressClose() {
        this.suppressClose = true;
    }

    /** Sets the behaviour verdict directly (cases that judge by their own rule). */
    public void verdict(Verdict v, String why) {
        this.behavior = v;
        this.result = why;
    }

    /** Handles messages instead of recording them. */
    public void onMessages(MessageHandler handler) {
        this.messageHandler = handler;
    }

    // ---- acting on the peer ----

    public void send(OutFrame frame) {
        session.send(frame);
    }

    /** Encodes a frame without sending it (see {@link FuzzSession#encode}). */
    public byte[] encode(OutFrame frame) {
        return session.encode(frame);
    }

    /** Sends raw bytes plainly (Autobahn's {@code sendData}): with whatever else this turn sends. */
    public void sendRaw(byte[] bytes) {
        session.writeRaw(bytes);
    }

    /** Frames sent so far, by opcode. */
    public java.util.Map<Integer, Integer> txFrameStats() {
        return session.log().txFrameStats();
    }

    public void sendMessage(byte[] payload, boolean binary, int fragmentSize) {
        session.sendMessage(payload, binary, fragmentSize);
    }

    public void sendClose(Integer code, String reason) {
        session.sendClose(code, reason);
    }

    public void sendCloseFrame(Integer code, byte[] reason) {
        session.sendCloseFrame(code, reason);
    }

    public void continueLater(long millis, String tag, Runnable action) {
        session.continueLater(millis, tag, action);
    }

    public void killAfter(long millis) {
        session.killAfter(millis);
    }

    public void closeAfter(long millis) {
        session.closeAfter(millis);
    }

    /** Whether the connection is open (no close frame sent or received yet). */
    public boolean isOpen() {
        return session.state() == FuzzSession.State.OPEN;
    }

    /** Records an event the case itself observed, such as a timer firing while open. */
    public void record(Observed event) {
        received.add(event);
    }

    /** Whether permessage-deflate is in force on this connection (every message sent is compressed). */
    public boolean deflateAgreed() {
        return session.deflate() != null;
    }

    /** Keeps the traffic statistics as they are now for the report (Autobahn copies them when a case passes). */
    public void captureTrafficStats() {
        trafficStats = session.trafficStats();
    }

    /** Switches the wire log off for bulk traffic and back on. */
    public void wireLog(boolean on) {
        session.log().enable(on);
    }

    // ---- what the judge reads ----

    public Map<Verdict, List<Observed>> expected() {
        return Collections.unmodifiableMap(expected);
    }

    public ExpectedClose expectedClose() {
        return expectedClose;
    }

    public List<Observed> received() {
        return Collections.unmodifiableList(received);
    }

    public Verdict behavior() {
        return behavior;
    }

    public String result() {
        return result;
    }

    /** The traffic statistics captured by {@link #captureTrafficStats}, or null. */
    public Map<String, Object> trafficStats() {
        return trafficStats;
    }

    // ---- SessionListener ----

    @Override
    public void onMessage(byte[] payload, boolean binary) {
        if (messageHandler != null) {
            messageHandler.onMessage(this, payload, binary);
            return;
        }
        received.add(Observed.message(payload, binary));
        finishWhenDone();
    }

    @Override
    public void onPing(byte[] payload) {
        received.add(Observed.ping(payload));
        finishWhenDone();
    }

    @Override
    public void onPong(byte[] payload) {
        received.add(Observed.pong(payload));
        finishWhenDone();
    }

    /** As Autobahn: once every expected outcome equals what arrived, start closing. */
    private void finishWhenDone() {
        for (List<Observed> events : expected.values()) {
            if (!events.equals(received)) {
                return;
            }
        }
        if (expectedClose.closedByMe() && !suppressClose) {
            session.sendClose(expectedClose.codes().get(0), null);
        }
    }
}
