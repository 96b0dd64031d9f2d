package io.niows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.internal.reactor.ConnectionSettings;
import io.niows.protocol.EngineConfig;
import io.niows.protocol.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Builders refuse settings that make no sense, with the name of the setting; and what is set on
 * either builder reaches each connection's settings under the same name.
 */
class BuilderSettingsTest {

    private static List<ConnectionOptions<?>> bothBuilders() {
        return List.of(WebSocketServer.builder(), WebSocketClient.builder());
    }

    @Test
    void bothBuildersRefuseNonsenseInTheSettingsTheyShare() {
        for (ConnectionOptions<?> b : bothBuilders()) {
            assertThatThrownBy(() -> b.loops(0)).hasMessageContaining("loops");
            assertThatThrownBy(() -> b.maxMessageSize(0)).hasMessageContaining("maxMessageSize");
            assertThatThrownBy(() -> b.maxFrameSize(-1)).hasMessageContaining("maxFrameSize");
            assertThatThrownBy(() -> b.maxHandshakeSize(0)).hasMessageContaining("maxHandshakeSize");
            assertThatThrownBy(() -> b.writeWaterMarks(10, 5)).hasMessageContaining("low <= high");
            assertThatThrownBy(() -> b.writeWaterMarks(-1, 5)).hasMessageContaining("low <= high");
            assertThatThrownBy(() -> b.maxQueuedBytes(0)).hasMessageContaining("maxQueuedBytes");
            assertThatThrownBy(() -> b.handshakeTimeout(Duration.ZERO)).hasMessageContaining("handshakeTimeout");
            assertThatThrownBy(() -> b.idleTimeout(Duration.ofSeconds(-1))).hasMessageContaining("idleTimeout");
            assertThatThrownBy(() -> b.keepAlive(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                    .hasMessageContaining("pingInterval");
            assertThatThrownBy(() -> b.keepAlive(Duration.ofSeconds(1), Duration.ZERO))
                    .hasMessageContaining("pongTimeout");
            assertThatThrownBy(() -> b.closeTimeout(Duration.ZERO)).hasMessageContaining("closeTimeout");
        }
    }

    @Test
    void theServerBuilderRefusesNonsenseInItsOwnSettings() {
        WebSocketServer.Builder b = WebSocketServer.builder();
        assertThatThrownBy(() -> b.port(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> b.route("no-slash", new WebSocketHandler() { })).hasMessageContaining("/");
        assertThatThrownBy(() -> b.maxConnections(0)).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> b.memoryBudget(0)).hasMessageContaining("memoryBudget");
    }

    @Test
    void withNothingSetEachConnectionGetsTheNamedDefaults() {
        for (ConnectionOptions<?> b : bothBuilders()) {
            ConnectionSettings s = b.connectionSettings(EngineConfig.server());
            assertThat(s.engine().maxFrameSize()).isEqualTo(ConnectionOptions.DEFAULT_MAX_FRAME_SIZE);
            assertThat(s.engine().maxMessageSize()).isEqualTo(ConnectionOptions.DEFAULT_MAX_MESSAGE_SIZE);
            assertThat(s.engine().maxHandshakeSize()).isEqualTo(ConnectionOptions.DEFAULT_MAX_HANDSHAKE_SIZE);
            assertThat(s.lowWaterMark()).isEqualTo(ConnectionOptions.DEFAULT_LOW_WATER_MARK);
            assertThat(s.highWaterMark()).isEqualTo(ConnectionOptions.DEFAULT_HIGH_WATER_MARK);
            assertThat(s.maxQueuedBytes()).isEqualTo(ConnectionOptions.DEFAULT_MAX_QUEUED_BYTES);
            assertThat(s.handshakeTimeoutNanos()).isEqualTo(ConnectionOptions.DEFAULT_HANDSHAKE_TIMEOUT.toNanos());
            assertThat(s.idleTimeoutNanos()).isEqualTo(ConnectionOptions.DEFAULT_IDLE_TIMEOUT.toNanos());
            assertThat(s.pingIntervalNanos()).isEqualTo(ConnectionOptions.DEFAULT_PING_INTERVAL.toNanos());
            assertThat(s.pongTimeoutNanos()).isEqualTo(ConnectionOptions.DEFAULT_PONG_TIMEOUT.toNanos());
            assertThat(s.closeTimeoutNanos()).isEqualTo(ConnectionOptions.DEFAULT_CLOSE_TIMEOUT.toNanos());
        }
        assertThat(WebSocketClient.builder().loops()).isEqualTo(1);
        assertThat(WebSocketServer.builder().loops()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void eachSettingReachesTheConnectionUnderItsOwnNameOnBothEnds() {
        for (ConnectionOptions<?> b : bothBuilders()) {
            b.loops(3).maxFrameSize(1000).maxMessageSize(2000).maxHandshakeSize(4000).writeWaterMarks(10, 20)
                    .maxQueuedBytes(30).handshakeTimeout(Duration.ofMillis(41)).idleTimeout(Duration.ofMillis(42))
                    .keepAlive(Duration.ofMillis(43), Duration.ofMillis(44)).closeTimeout(Duration.ofMillis(45));
            ConnectionSettings s = b.connectionSettings(EngineConfig.client());
            assertThat(b.loops()).isEqualTo(3);
            assertThat(s.engine().role()).isEqualTo(Role.CLIENT);
            assertThat(s.engine().maxFrameSize()).isEqualTo(1000);
            assertThat(s.engine().maxMessageSize()).isEqualTo(2000);
            assertThat(s.engine().maxHandshakeSize()).isEqualTo(4000);
            assertThat(s.lowWaterMark()).isEqualTo(10);
            assertThat(s.highWaterMark()).isEqualTo(20);
            assertThat(s.maxQueuedBytes()).isEqualTo(30);
            assertThat(s.handshakeTimeoutNanos()).isEqualTo(Duration.ofMillis(41).toNanos());
            assertThat(s.idleTimeoutNanos()).isEqualTo(Duration.ofMillis(42).toNanos());
            assertThat(s.pingIntervalNanos()).isEqualTo(Duration.ofMillis(43).toNanos());
            assertThat(s.pongTimeoutNanos()).isEqualTo(Duration.ofMillis(44).toNanos());
            assertThat(s.closeTimeoutNanos()).isEqualTo(Duration.ofMillis(45).toNanos());
        }
    }

    @Test
    void aFrameLimitAboveTheMessageLimitCountsAsTheMessageLimit() {
        ConnectionSettings s = WebSocketServer.builder().maxFrameSize(5000).maxMessageSize(100)
                .connectionSettings(EngineConfig.server());
        assertThat(s.engine().maxFrameSize()).isEqualTo(100);
    }

    @Test
    void aClientRefusesUrlsThatAreNotWs() {
        try (WebSocketClient client = WebSocketClient.builder().build()) {
            assertThatThrownBy(() -> client.connect(java.net.URI.create("http://127.0.0.1/"), new WebSocketHandler() { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ws://");
        }
    }
}
