package io.niows.examples.trace;

import io.niows.protocol.EngineConfig;
import io.niows.protocol.EngineListener;
import io.niows.protocol.TracedFrame;
import io.niows.protocol.WebSocketEngine;
import io.niows.protocol.WebSocketProtocolException;
import io.niows.protocol.WireTrace;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code decode} tool: reads frames from bytes and prints each as the trace does, the messages
 * they make, and where a frame breaks a rule: the byte, the rule with its RFC section, and the close
 * frame a conforming endpoint sends. The verdict is niows' own: the bytes go one at a time through a
 * {@link WebSocketEngine} in the receiving role (the server's for masked frames), the same engine
 * niows' server and client run; the frames are read by niows' {@link WireTrace}, which checks no rule.
 *
 * <p>Stateless and thread-safe.
 */
public final class FrameDecoding {

    private FrameDecoding() {
    }

    /**
     * Decodes {@code input}.
     *
     * @param input the bytes of one direction of a connection, after the opening handshake
     * @param fromClient whether a client sent them (masked frames, read by a server), or {@code null}
     *     to decide by the first frame's MASK bit
     * @param json one JSON object per line instead of readable lines
     * @return the lines to print
     */
    public static List<String> decode(byte[] input, Boolean fromClient, boolean json) {
        boolean client = fromClient != null ? fromClient : input.length > 1 && (input[1] & 0x80) != 0;
        List<TracedFrame> frames = new ArrayList<>();
        WireTrace trace = new WireTrace(frames::add, TracedFrame.Direction.IN, false);
        trace.feed(ByteBuffer.wrap(input));
        trace.end();
        Verdict verdict = Verdict.of(input, client);
        List<String> lines = new ArrayList<>();
        lines.add(json ? "{\"event\":\"input\",\"bytes\":" + input.length + ",\"dir\":\"" + (client ? "C2S" : "S2C")
                + "\"}" : input.length + " bytes, read as sent by the " + (client ? "client (masked; niows reads them"
                + " as a server)" : "server (unmasked; niows reads them as a client)"));
        long end = 0;
        int event = 0;
        for (TracedFrame frame : frames) {
            if (verdict.failedAt >= 0 && frame.offset() > verdict.failedAt) {
                break;
            }
            lines.add(json ? FrameLines.json(frame, client)
                    : "@" + frame.offset() + " " + FrameLines.text(frame, client)
                    + "  [" + frame.headerHex() + "]");
            end = end(frame);
            for (; event < verdict.events.size() && verdict.eventAt.get(event) < end; event++) {
                lines.add(json ? verdict.events.get(event).json() : "     \u21d2 " + verdict.events.get(event).text());
            }
        }
        if (verdict.failedAt >= 0) {
            lines.addAll(verdict.failure(input, end, frames, json));
        } else if (end < input.length) {
            lines.addAll(incomplete(input, (int) end, client, json));
        } else {
            lines.add(json ? "{\"event\":\"end\",\"valid\":true}"
                    : "no rule broken (what niows would do: go on reading)");
        }
        return lines;
    }

    /** Where a frame's bytes end in its stream; a 64-bit length with its top bit set never ends. */
    private static long end(TracedFrame frame) {
        long length = frame.payloadLength();
        return length < 0 ? Long.MAX_VALUE : frame.offset() + frame.header().length + length;
    }

    /**
     * The frame the input ends inside: its header, when the input holds all of it, with the
     * payload it states (read as if the missing bytes were zeros, up to 1 MiB), and how much of
     * the frame is missing.
     */
    private static List<String> incomplete(byte[] input, int start, boolean client, boolean json) {
        int have = input.length - start;
        List<TracedFrame> frames = new ArrayList<>();
        WireTrace trace = new WireTrace(frames::add, TracedFrame.Direction.IN, false);
        trace.feed(ByteBuffer.wrap(input, start, have));
        long padded = 0;
        byte[] zeros = new byte[8192];
        while (frames.isEmpty() && padded < (1 << 20)) {
            trace.feed(ByteBuffer.wrap(zeros));
            padded += zeros.length;
        }
        trace.end();
        List<String> lines = new ArrayList<>();
        if (frames.isEmpty()) {
            lines.add(json ? "{\"event\":\"incomplete\",\"frameStart\":" + start + ",\"bytesPresent\":" + have + "}"
                    : "@" + start + " the input ends inside a frame: " + have
                            + " byte(s) of it (a receiver waits for more)");
            return lines;
        }
        TracedFrame frame = frames.get(0);
        long missing = frame.header().length + frame.payloadLength() - have;
        if (json) {
            lines.add(FrameLines.json(frame, client).replaceFirst("\\{\"event\":\"frame\"",
                    "{\"event\":\"frame\",\"bytesMissing\":" + missing));
        } else {
            lines.add("@" + start + " " + FrameLines.text(frame, client, false)
                    + "  [" + frame.headerHex() + "]");
            lines.add("     the input ends here: " + missing + " byte(s) of this frame are not in it"
                    + " (a receiver waits for them)");
        }
        return lines;
    }

    /** Something the engine reported, for the readable and the JSON output. */
    private record Event(String text, String json) {
    }

    /** What niows' engine made of the bytes, fed one at a time. */
    private static final class Verdict implements EngineListener {
        final List<Event> events = new ArrayList<>();
        final List<Long> eventAt = new ArrayList<>();
        long at;
        long failedAt = -1;
        WebSocketProtocolException violation;
        ByteBuffer closeSent;

        static Verdict of(byte[] input, boolean client) {
            Verdict verdict = new Verdict();
            EngineConfig config = (client ? EngineConfig.server() : EngineConfig.client()).withAutoPong(false);
            WebSocketEngine engine = new WebSocketEngine(config, verdict, verdict::sent);
            ByteBuffer buf = ByteBuffer.allocate(input.length);
            for (int i = 0; i < input.length && verdict.violation == null; i++) {
                verdict.at = i;
                buf.put(input[i]).flip();
                engine.receive(buf);
                buf.compact();
            }
            return verdict;
        }

        private void sent(ByteBuffer frame) {
            if (closeSent == null) {
                closeSent = frame.duplicate();
            }
        }

        private void event(String text, String json) {
            events.add(new Event(text, json));
            eventAt.add(at);
        }

        @Override
        public void onText(String text) {
            StringBuilder json = new StringBuilder("{\"event\":\"message\",\"type\":\"text\"");
            FrameLines.field(json, "text", text);
            event("text message, " + text.length() + " chars: " + FrameLines.quoted(text), json + "}");
        }

        @Override
        public void onBinary(ByteBuffer data) {
            event("binary message, " + data.remaining() + " bytes",
                    "{\"event\":\"message\",\"type\":\"binary\",\"bytes\":" + data.remaining() + "}");
        }

        @Override
        public void onPing(ByteBuffer payload) {
            event("ping: a conforming endpoint answers with a pong carrying the same " + payload.remaining()
                    + " byte(s) (\u00a75.5.2)", "{\"event\":\"ping\",\"answer\":\"pong\"}");
        }

        @Override
        public void onPong(ByteBuffer payload) {
            event("pong: nothing to answer (\u00a75.5.3)", "{\"event\":\"pong\"}");
        }

        @Override
        public void onCloseReceived(int code, String reason) {
            event("close received: a conforming endpoint echoes it with its own close frame (\u00a75.5.1),"
                    + " then reads no more", "{\"event\":\"close\",\"code\":" + code + "}");
        }

        @Override
        public void onProtocolViolation(WebSocketProtocolException failure) {
            violation = failure;
            failedAt = at;
        }

        /** The lines saying where and why the bytes break a rule, and what niows sends. */
        List<String> failure(byte[] input, long lastEnd, List<TracedFrame> frames, boolean json) {
            long frameStart = 0;
            for (TracedFrame frame : frames) {
                long end = end(frame);
                if (end > failedAt) {
                    frameStart = frame.offset();
                    break;
                }
                frameStart = end;
            }
            BrokenRule rule = BrokenRule.of(violation.getMessage());
            long faulty = rule.faultyByte(frameStart, headerLength(input, frameStart), failedAt);
            int code = violation.closeCode();
            String close = closeSent == null ? "" : HexFormat.ofDelimiter(" ").formatHex(bytes(closeSent));
            if (json) {
                StringBuilder out = new StringBuilder("{\"event\":\"violation\",\"byte\":" + faulty + ",\"frameStart\":"
                        + frameStart + ",\"detectedAt\":" + failedAt + ",\"closeCode\":" + code);
                FrameLines.field(out, "rule", rule.rule());
                FrameLines.field(out, "section", rule.section());
                FrameLines.field(out, "niows", violation.getMessage());
                FrameLines.field(out, "closeFrame", close.replace(" ", ""));
                return List.of(out + "}");
            }
            String value = faulty < input.length ? String.format(" (0x%02x)", input[(int) faulty]) : "";
            return List.of(
                    "\u2717 byte " + faulty + value + ", in the frame at byte " + frameStart + ": "
                            + violation.getMessage(),
                    "  rule " + rule.section() + ": " + rule.rule(),
                    "  a conforming endpoint fails the connection (\u00a77.1.7) with close code " + code + " ("
                            + TracedFrame.meaningOf(code) + ")"
                            + (close.isEmpty() ? "" : "; niows sends [" + close + "]"),
                    "  niows stopped reading at byte " + failedAt + (failedAt + 1 < input.length ? "; "
                            + (input.length - failedAt - 1) + " byte(s) after it are ignored" : ""));
        }

        private static byte[] bytes(ByteBuffer buffer) {
            byte[] out = new byte[buffer.remaining()];
            buffer.get(buffer.position(), out);
            return out;
        }

        private static int headerLength(byte[] input, long start) {
            if (start + 1 >= input.length) {
                return 0;
            }
            int length7 = input[(int) start + 1] & 0x7F;
            return 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + ((input[(int) start + 1] & 0x80) != 0 ? 4 : 0);
        }
    }
}
