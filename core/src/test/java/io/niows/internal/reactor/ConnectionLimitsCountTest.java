package io.niows.internal.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ConnectionLimitsCountTest {

    private final ConnectionLimits limits = new ConnectionLimits(new ServerLimits(3, 2, 2, 1 << 20));

    @Test
    void aRefusalIsNeverCountedAndEveryCloseGivesItsPlaceBack() throws Exception {
        InetAddress a = InetAddress.getByName("127.0.0.1");
        InetAddress b = InetAddress.getByName("127.0.0.2");

        assertThat(limits.admit(a)).isNull();
        assertThat(limits.admit(a)).isNull();
        assertThat(limits.admit(b)).as("third handshake").contains("handshakes");
        limits.handshakeEnded();
        limits.handshakeEnded();
        assertThat(limits.admit(a)).as("third from one address").contains("from 127.0.0.1");
        assertThat(limits.admit(b)).isNull();
        assertThat(limits.admit(b)).as("fourth connection").contains("too many connections (3)");
        assertThat(limits.open()).isEqualTo(3);

        limits.closed(a, false);
        limits.closed(a, false);
        limits.closed(b, true);

        assertThat(limits.open()).isZero();
        assertThat(limits.addressesCounted()).as("addresses still holding an entry").isZero();
        assertThat(limits.admit(a)).isNull();
        assertThat(limits.admit(a)).isNull();
    }
}
