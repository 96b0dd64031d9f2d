package io.niows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on how an engine failed the connection. */
final class Violations {

    private Violations() {}

    /**
     * The engine sent exactly one close frame with {@code code}, told its listener once with that
     * code and the reason it sent, reports the code and wants TCP closed.
     */
    static void assertFailedWith(EngineHarness harness, int code) {
        assertThat(harness.listener.violations()).hasSize(1);
        WebSocketProtocolException violation = harness.listener.violations().get(0);
        assertThat(violation.closeCode()).isEqualTo(code);
        assertThat(violation.getMessage()).isNotEmpty().isEqualTo(harness.engine.closeReason());
        assertThat(harness.sentFrames()).hasSize(1);
        assertThat(harness.sentFrames().get(0)).startsWith("close:" + code);
        assertThat(harness.engine.closeCode()).isEqualTo(code);
        assertThat(harness.engine.state()).isEqualTo(ConnectionState.CLOSING);
        assertThat(harness.engine.transportShouldClose()).isTrue();
        assertThat(harness.engine.closedByPeer()).isFalse();
    }
}
