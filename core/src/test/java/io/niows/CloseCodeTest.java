package io.niows;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CloseCode} against RFC 6455 §7.4 and the IANA "WebSocket Close Code Number" registry,
 * written out here row by row rather than as the ranges the class uses.
 */
class CloseCodeTest {

    /** How the registry and RFC 6455 §7.4.1/§7.4.2 treat a code. */
    private enum Use {
        /** May be sent in a close frame, and so reported too. */
        SENT,
        /** Reported to the application only; "MUST NOT be set as a status code in a Close control frame". */
        REPORTED_ONLY,
        /** Neither: unused, reserved or unassigned. */
        NONE
    }

    /** Every code of the registry's 1000-2999 block that is assigned. */
    private static final Map<Integer, Use> REGISTERED = Map.ofEntries(
            Map.entry(1000, Use.SENT),          // Normal Closure
            Map.entry(1001, Use.SENT),          // Going Away
            Map.entry(1002, Use.SENT),          // Protocol error
            Map.entry(1003, Use.SENT),          // Unsupported Data
            Map.entry(1004, Use.NONE),          // Reserved
            Map.entry(1005, Use.REPORTED_ONLY), // No Status Rcvd
            Map.entry(1006, Use.REPORTED_ONLY), // Abnormal Closure
            Map.entry(1007, Use.SENT),          // Invalid frame payload data
            Map.entry(1008, Use.SENT),          // Policy Violation
            Map.entry(1009, Use.SENT),          // Message Too Big
            Map.entry(1010, Use.SENT),          // Mandatory Ext.
            Map.entry(1011, Use.SENT),          // Internal Error
            Map.entry(1012, Use.SENT),          // Service Restart
            Map.entry(1013, Use.SENT),          // Try Again Later
            Map.entry(1014, Use.SENT),          // Bad Gateway
            Map.entry(1015, Use.REPORTED_ONLY)  // TLS handshake
    );

    private static Use use(int code) {
        if (REGISTERED.containsKey(code)) {
            return REGISTERED.get(code);
        }
        // §7.4.2: 3000-3999 registered by libraries, frameworks and applications; 4000-4999
        // private use. Below 1000 "not used", 1016-2999 reserved for the protocol, 5000 and above
        // do not exist.
        return code >= 3000 && code <= 4999 ? Use.SENT : Use.NONE;
    }

    @Test
    void maySendAndMayReceiveFollowTheRegistryForEveryIntFromMinusOneTo70000() {
        for (int code = -1; code <= 70_000; code++) {
            Use use = use(code);
            assertThat(CloseCode.maySend(code)).as("maySend(%d)", code).isEqualTo(use == Use.SENT);
            assertThat(CloseCode.mayReceive(code)).as("mayReceive(%d)", code).isEqualTo(use != Use.NONE);
        }
    }

    @Test
    void maySendAndMayReceiveDifferExactlyAt1005And1006And1015() {
        for (int code = -1; code <= 70_000; code++) {
            boolean differ = CloseCode.maySend(code) != CloseCode.mayReceive(code);
            assertThat(differ).as("code %d", code).isEqualTo(code == 1005 || code == 1006 || code == 1015);
        }
    }

    @Test
    void theConstantsHaveTheRegisteredNumbers() {
        int[] constants = {
            CloseCode.NORMAL_CLOSURE, CloseCode.GOING_AWAY, CloseCode.PROTOCOL_ERROR, CloseCode.UNSUPPORTED_DATA,
            CloseCode.NO_STATUS_RECEIVED, CloseCode.ABNORMAL_CLOSURE, CloseCode.INVALID_PAYLOAD,
            CloseCode.POLICY_VIOLATION, CloseCode.MESSAGE_TOO_BIG, CloseCode.MANDATORY_EXTENSION,
            CloseCode.INTERNAL_ERROR, CloseCode.SERVICE_RESTART, CloseCode.TRY_AGAIN_LATER, CloseCode.BAD_GATEWAY,
            CloseCode.TLS_HANDSHAKE
        };
        assertThat(constants).containsExactly(
                1000, 1001, 1002, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015);
    }

    @Test
    void nameGivesEachConstantItsOwnName() throws IllegalAccessException {
        for (Field f : CloseCode.class.getFields()) {
            assertThat(CloseCode.name(f.getInt(null))).isEqualTo(f.getName());
        }
    }

    @Test
    void namesTheDefinedCodesAndNumbersTheOthers() {
        assertThat(CloseCode.name(1000)).isEqualTo("NORMAL_CLOSURE");
        assertThat(CloseCode.name(1009)).isEqualTo("MESSAGE_TOO_BIG");
        assertThat(CloseCode.name(1015)).isEqualTo("TLS_HANDSHAKE");
        assertThat(CloseCode.name(1004)).isEqualTo("1004");
        assertThat(CloseCode.name(3000)).isEqualTo("3000");
        assertThat(CloseCode.name(999)).isEqualTo("999");
    }
}
