package io.niows.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HandshakeLimitsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        HandshakeLimits limits = HandshakeLimits.defaults();
        assertThat(limits.maxRequestLineLength()).isEqualTo(8192);
        assertThat(limits.maxHeaderCount()).isEqualTo(100);
        assertThat(limits.maxHeadSize()).isEqualTo(16384);
    }

    @Test
    void withersReturnACopyAndLeaveTheOriginalUnchanged() {
        HandshakeLimits limits = HandshakeLimits.defaults()
                .withMaxRequestLineLength(10).withMaxHeaderCount(2).withMaxHeadSize(64);
        assertThat(limits.maxRequestLineLength()).isEqualTo(10);
        assertThat(limits.maxHeaderCount()).isEqualTo(2);
        assertThat(limits.maxHeadSize()).isEqualTo(64);
        assertThat(HandshakeLimits.defaults().maxHeadSize()).isEqualTo(16384);
    }

    @Test
    void nonPositiveLimitsAreRefused() {
        assertThatThrownBy(() -> HandshakeLimits.defaults().withMaxHeadSize(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandshakeLimits.defaults().withMaxHeaderCount(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandshakeLimits.defaults().withMaxRequestLineLength(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
