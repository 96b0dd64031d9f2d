package io.niows.examples.trace;

import java.util.List;

/**
 * The rule a violation niows reports breaks: the RFC section that states it, and which byte of the
 * frame carries the fault, from the frame's first byte. Matched by the start of niows' own message
 * for the violation, so it names what niows checked, not a guess.
 *
 * @param messageStart how niows' message for the violation begins
 * @param section the RFC section that states the rule
 * @param rule the rule, in the RFC's words where it has them
 * @param byteInFrame the faulty byte's index from the frame's first byte; -1 when the byte niows
 *     stopped at is itself the faulty one (a UTF-8 sequence), -2 for the first payload byte
 */
record BrokenRule(String messageStart, String section, String rule, int byteInFrame) {

    private static final int AT_DETECTION = -1;
    private static final int PAYLOAD_START = -2;

    private static final List<BrokenRule> RULES = List.of(
            new BrokenRule("reserved bits set", "\u00a75.2",
                    "RSV1-3 \"MUST be 0 unless an extension is negotiated\"", 0),
            new BrokenRule("RSV1 set on a control frame", "RFC7692 \u00a76.1",
                    "an endpoint MUST NOT set RSV1 on a control frame", 0),
            new BrokenRule("RSV1 set on a continuation frame", "RFC7692 \u00a76.1",
                    "RSV1 is set on the first frame of a message only", 0),
            new BrokenRule("client frame not masked", "\u00a75.1",
                    "\"a client MUST mask all frames that it sends to the server\"", 1),
            new BrokenRule("server frame masked", "\u00a75.1",
                    "\"A server MUST NOT mask any frames that it sends to the client\"", 1),
            new BrokenRule("reserved control opcode", "\u00a75.2 \u00a711.8",
                    "opcodes 0xB-0xF are reserved: \"the receiving endpoint MUST _Fail the WebSocket Connection_\"",
                    0),
            new BrokenRule("reserved data opcode", "\u00a75.2 \u00a711.8",
                    "opcodes 0x3-0x7 are reserved: \"the receiving endpoint MUST _Fail the WebSocket Connection_\"",
                    0),
            new BrokenRule("control frame payload over", "\u00a75.5",
                    "\"All control frames MUST have a payload length of 125 bytes or less\"", 1),
            new BrokenRule("fragmented control frame", "\u00a75.5",
                    "\"All control frames ... MUST NOT be fragmented\"", 0),
            new BrokenRule("continuation frame without", "\u00a75.4",
                    "a continuation frame continues a message that was started", 0),
            new BrokenRule("new data frame inside", "\u00a75.4",
                    "a fragmented message's frames are not interleaved with another message's", 0),
            new BrokenRule("frame over", "\u00a710.4", "the receiver's frame size limit", 1),
            new BrokenRule("message over", "\u00a710.4", "the receiver's message size limit", 1),
            new BrokenRule("invalid UTF-8 in text", "\u00a75.6 \u00a78.1",
                    "text is UTF-8: an invalid sequence fails the connection with 1007", AT_DETECTION),
            new BrokenRule("text message ends inside", "\u00a75.6 \u00a78.1",
                    "a text message ends with a whole UTF-8 character", AT_DETECTION),
            new BrokenRule("close frame with a 1-byte", "\u00a75.5.1",
                    "a close payload is empty or starts with a 2-byte status code", 1),
            new BrokenRule("invalid close code", "\u00a77.4.1 \u00a77.4.2",
                    "the status code is one an endpoint may send (1000-1003, 1007-1014, 3000-4999)", PAYLOAD_START),
            new BrokenRule("invalid UTF-8 in close reason", "\u00a75.5.1",
                    "the close reason is UTF-8", PAYLOAD_START),
            new BrokenRule("64-bit payload length has its top bit set", "\u00a75.2",
                    "\"the most significant bit MUST be 0\" in a 64-bit length", 2),
            new BrokenRule("invalid compressed data", "RFC7692 \u00a77.2.2",
                    "a compressed message inflates", AT_DETECTION));

    /**
     * The rule niows' message names, or one saying the message is not known here.
     *
     * @param message niows' message for the violation
     * @return the rule
     */
    static BrokenRule of(String message) {
        for (BrokenRule rule : RULES) {
            if (message.startsWith(rule.messageStart)) {
                return rule;
            }
        }
        return new BrokenRule(message, "\u00a77.1.7", message, AT_DETECTION);
    }

    /**
     * The faulty byte's index in the input.
     *
     * @param frameStart where the frame starts
     * @param headerLength its header's length, when known (else 0)
     * @param detected the byte niows stopped at
     * @return the index
     */
    long faultyByte(long frameStart, int headerLength, long detected) {
        if (byteInFrame == AT_DETECTION) {
            return detected;
        }
        if (byteInFrame == PAYLOAD_START) {
            return frameStart + headerLength;
        }
        return frameStart + byteInFrame;
    }
}
