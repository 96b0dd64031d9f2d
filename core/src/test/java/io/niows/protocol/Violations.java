package io.niows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on how an engine failed the connection. */
final class Violations {

    private Violations() {}

    /** The engine sent exactly one close frame with {@code code}, reports it and wants TCP closed. */
    static void assertFailedWith(EngineHarness harness, int code) {
        assertThat(harness.sentFrames()).hasSize(1);
        assertThat(harness.sentFrames().get(0)).startsWith("close:" + code);
        assertThat(harness.engine.closeCode()).isEqualTo(code);
        assertThat(harness.engine.state()).isEqualTo(ConnectionState.CLOSING);
        assertThat(harness.engine.transportShouldClose()).isTrue();
        assertThat(harness.engine.closedByPeer()).isFalse();
    }
}
