package io.niows.spectests.engine;

import io.niows.spectests.peer.Role;
import io.niows.spectests.wire.Frame;
import io.niows.spectests.wire.Opcode;

/**
 * The RFC 6455 rules the fuzzer holds the peer's frames to, with RFC 7692's use of RSV1 when
 * permessage-deflate was agreed. Stateless; safe from any thread.
 */
final class FrameRules {
    /** RSV1 as {@link Frame#rsv()} reports it: "Per-Message Compressed" under permessage-deflate. */
    static final int RSV1 = 4;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private FrameRules() {
    }

    /** Why the frame breaks the protocol, or null when it does not. */
    static String violation(Frame f, Role me, boolean inMessage, boolean deflate) {
        if (me == Role.CLIENT && f.masked()) {
            // 5.1: "A server MUST NOT mask any frames that it sends to the client."
            return "masked frame from server";
        }
        if (me == Role.SERVER && !f.masked()) {
            // 5.1: "a client MUST mask all frames that it sends to the server"
            return "unmasked frame from client";
        }
        String rsv = rsvViolation(f, deflate);
        if (rsv != null) {
            return rsv;
        }
        if (!Opcode.isDefined(f.opcode())) {
            return "reserved opcode " + f.opcode();
        }
        if (Opcode.isControl(f.opcode())) {
            if (!f.fin()) {
                return "fragmented control frame";
            }
            return f.payload().length > MAX_CONTROL_PAYLOAD ? "control frame payload over 125 octets" : null;
        }
        if (f.opcode() == Opcode.CONTINUATION && !inMessage) {
            return "continuation frame with no message to continue";
        }
        if (f.opcode() != Opcode.CONTINUATION && inMessage) {
            return "new data message before the previous one ended";
        }
        return null;
    }

    private static String rsvViolation(Frame f, boolean deflate) {
        if (f.rsv() == 0) {
            return null;
        }
        if (!deflate) {
            // 5.2: "MUST be 0 unless an extension is negotiated that defines meanings for non-zero values"
            return "RSV bits set without a negotiated extension";
        }
        if (f.rsv() != RSV1) {
            return "RSV2 or RSV3 set: permessage-deflate defines RSV1 only";
        }
        if (Opcode.isControl(f.opcode())) {
            // RFC 7692 section 6: "An endpoint MUST NOT set the "Per-Message Compressed" bit of control frames"
            return "RSV1 set on a control frame";
        }
        if (f.opcode() == Opcode.CONTINUATION) {
            // RFC 7692 section 6: "... and non-first fragments of a data message"
            return "RSV1 set on a continuation frame";
        }
        return null;
    }

    /** Close codes a peer may send (section 7.4.1 and the IANA registry). */
    static boolean closeCodeAllowed(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
