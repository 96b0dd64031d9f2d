package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which answers to its permessage-deflate offer the load tool takes (RFC 7692 §7.1), and which fail the connection. */
class DeflateResponseTest {

    private static String head(String... extensionLines) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n");
        for (String line : extensionLines) {
            sb.append(line).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sec-WebSocket-Extensions: permessage-deflate",
        "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "sec-websocket-extensions: permessage-deflate;server_max_window_bits=10",
        "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=15",
        "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=\"15\""})
    void takesEveryAnswerItCanKeep(String line) {
        assertThatCode(() -> DeflateResponse.check(head(line), true)).doesNotThrowAnyException();
    }

    @Test
    void aServerThatDeclinesFailsTheConnection() {
        assertThatThrownBy(() -> DeflateResponse.check(head(), true))
                .isInstanceOf(IOException.class).hasMessageContaining("declined permessage-deflate");
    }

    @Test
    void aSmallerClientWindowCannotBeKept() {
        assertThatThrownBy(() -> DeflateResponse.check(
                head("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=9"), true))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot keep client_max_window_bits=9");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=16",
        "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover=1",
        "Sec-WebSocket-Extensions: permessage-deflate; mystery",
        "Sec-WebSocket-Extensions: x-webkit-deflate-frame",
        "Sec-WebSocket-Extensions: permessage-deflate, permessage-deflate"})
    void anAnswerOutsideTheOfferFailsTheConnection(String line) {
        assertThatThrownBy(() -> DeflateResponse.check(head(line), true)).isInstanceOf(IOException.class);
    }

    @Test
    void anExtensionThatWasNotOfferedFailsTheConnection() {
        assertThatThrownBy(() -> DeflateResponse.check(head("Sec-WebSocket-Extensions: permessage-deflate"), false))
                .isInstanceOf(IOException.class).hasMessageContaining("did not offer");
        assertThatCode(() -> DeflateResponse.check(head(), false)).doesNotThrowAnyException();
    }
}
