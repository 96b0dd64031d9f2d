package io.niows.spectests.cases;

import java.util.List;

/**
 * How a case expects the connection to end (Autobahn's {@code expectedClose}). Immutable.
 *
 * @param closedByMe             the fuzzer is expected to send the first close frame
 * @param codes                  close codes accepted from the peer (no code at all is accepted too)
 * @param requireClean           the close handshake must complete both ways
 * @param wrongEndpointIsFatal   closing by the wrong endpoint fails the behaviour too (UTF-8 cases:
 *                               the peer then never noticed the invalid text)
 */
public record ExpectedClose(boolean closedByMe, List<Integer> codes, boolean requireClean,
        boolean wrongEndpointIsFatal) {

    /** The fuzzer closes with 1000 and expects a clean close. */
    public static ExpectedClose normal() {
        return new ExpectedClose(true, List.of(1000), true, false);
    }

    /** The peer must fail the connection, with one of these codes or by dropping TCP. */
    public static ExpectedClose peerFails(Integer... codes) {
        return new ExpectedClose(false, List.of(codes), false, false);
    }
}
