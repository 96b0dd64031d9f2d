package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.WebSocketServer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import javax.management.timer.Timer;
import org.junit.jupiter.api.Test;

/** A server's MBean: registered only when asked, reads live metrics, gone once the server closes. */
class JmxTest {

    private final MBeanServer platform = ManagementFactory.getPlatformMBeanServer();

    private static ObjectName nameOf(WebSocketServer server) throws Exception {
        return new ObjectName("io.niows:type=WebSocketServer,port=" + server.port());
    }

    @Test
    void aServerBuiltWithJmxShowsItsMetricsUntilItCloses() throws Exception {
        WebSocketServer server = Servers.loopback().defaultRoute(Servers.ECHO).jmx(true).build().start();
        ObjectName name = nameOf(server);
        try {
            assertThat(platform.isRegistered(name)).isTrue();
            try (RawClient raw = RawClient.open(server.port(), "/")) {
                raw.send(RawClient.text("one"));
                assertThat(raw.readFrame().text()).isEqualTo("one");
                assertThat(platform.getAttribute(name, "ConnectionsOpen")).isEqualTo(1L);
                assertThat(platform.getAttribute(name, "MessagesIn")).isEqualTo(1L);
                raw.send(RawClient.frame(0x81, "unmasked".getBytes(StandardCharsets.UTF_8), false));
                assertThat(raw.readFrame().closeCode()).isEqualTo(1002);
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!platform.getAttribute(name, "ConnectionsOpen").equals(0L) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(platform.getAttribute(name, "ConnectionsOpen")).isEqualTo(0L);
            TabularData failures = (TabularData) platform.getAttribute(name, "ProtocolFailures");
            assertThat(failures.get(new Object[] {1002}).get("value")).isEqualTo(1L);
            assertThat(platform.getAttribute(name, "LastPingRoundTripMillis")).isEqualTo(-1.0);
        } finally {
            server.close();
        }
        assertThat(platform.isRegistered(name)).isFalse();
    }

    @Test
    void aServerBuiltWithoutJmxRegistersNothing() throws Exception {
        WebSocketServer server = Servers.loopback().defaultRoute(Servers.ECHO).build().start();
        try {
            assertThat(platform.isRegistered(nameOf(server))).isFalse();
        } finally {
            server.close();
        }
    }

    @Test
    void aNameAlreadyTakenFailsTheStartAndLeavesThePortFree() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ObjectName taken = new ObjectName("io.niows:type=WebSocketServer,port=" + port);
        platform.registerMBean(new Timer(), taken);
        try {
            WebSocketServer server = Servers.loopback().port(port).defaultRoute(Servers.ECHO).jmx(true).build();
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("MBean");
            assertThat(server.isRunning()).isFalse();
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        } finally {
            platform.unregisterMBean(taken);
        }
    }
}
