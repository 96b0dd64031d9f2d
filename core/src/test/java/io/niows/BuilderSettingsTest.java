package io.niows;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Builders refuse settings that make no sense, with the name of the setting. */
class BuilderSettingsTest {

    @Test
    void theServerBuilderRefusesNonsense() {
        WebSocketServer.Builder b = WebSocketServer.builder();
        assertThatThrownBy(() -> b.maxMessageSize(0)).hasMessageContaining("maxMessageSize");
        assertThatThrownBy(() -> b.maxFrameSize(-1)).hasMessageContaining("maxFrameSize");
        assertThatThrownBy(() -> b.writeWaterMarks(10, 5)).hasMessageContaining("low <= high");
        assertThatThrownBy(() -> b.idleTimeout(Duration.ofSeconds(-1))).hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> b.closeTimeout(Duration.ZERO)).hasMessageContaining("closeTimeout");
        assertThatThrownBy(() -> b.port(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> b.route("no-slash", new WebSocketHandler() { })).hasMessageContaining("/");
        assertThatThrownBy(() -> b.loops(0)).hasMessageContaining("loops");
    }

    @Test
    void theClientBuilderRefusesNonsense() {
        WebSocketClient.Builder b = WebSocketClient.builder();
        assertThatThrownBy(() -> b.maxMessageSize(0)).hasMessageContaining("maxMessageSize");
        assertThatThrownBy(() -> b.maxFrameSize(-5)).hasMessageContaining("maxFrameSize");
        assertThatThrownBy(() -> b.maxQueuedBytes(0)).hasMessageContaining("maxQueuedBytes");
        assertThatThrownBy(() -> b.writeWaterMarks(-1, 5)).hasMessageContaining("low <= high");
        assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO)).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> b.loops(0)).hasMessageContaining("loops");
    }

    @Test
    void aClientRefusesUrlsThatAreNotWs() {
        try (WebSocketClient client = WebSocketClient.builder().build()) {
            assertThatThrownBy(() -> client.connect(java.net.URI.create("http://127.0.0.1/"), new WebSocketHandler() { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ws://");
        }
    }
}
