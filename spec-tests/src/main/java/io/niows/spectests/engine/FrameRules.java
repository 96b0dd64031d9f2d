package io.niows.spectests.engine;

import io.niows.spectests.peer.Role;
import io.niows.spectests.wire.Frame;
import io.niows.spectests.wire.Opcode;

/**
 * The RFC 6455 rules the fuzzer holds the peer's frames to. Stateless; safe from any thread.
 */
final class FrameRules {
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private FrameRules() {
    }

    /** Why the frame breaks the protocol, or null when it does not. */
    static String violation(Frame f, Role me, boolean inMessage) {
        if (me == Role.CLIENT && f.masked()) {
            // 5.1: "A server MUST NOT mask any frames that it sends to the client."
            return "masked frame from server";
        }
        if (me == Role.SERVER && !f.masked()) {
            // 5.1: "a client MUST mask all frames that it sends to the server"
            return "unmasked frame from client";
        }
        if (f.rsv() != 0) {
            return "RSV bits set without a negotiated extension";
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

    /** Close codes a peer may send (section 7.4.1 and the IANA registry). */
    static boolean closeCodeAllowed(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
