package io.niows.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpErrorTest {

    @Test
    void responseIsACompletePlainTextHttpAnswer() {
        HttpError error = new HttpError(400, "missing Host header");
        assertThat(Heads.text(error.toResponse())).isEqualTo("HTTP/1.1 400 Bad Request\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 20\r\n"
                + "Connection: close\r\n"
                + "\r\n"
                + "missing Host header\n");
    }

    @Test
    void responseCarriesTheExtraHeaders() {
        HttpError error = new HttpError(426, "Sec-WebSocket-Version must be 13",
                Map.of("Sec-WebSocket-Version", "13"));
        assertThat(Heads.text(error.toResponse()))
                .startsWith("HTTP/1.1 426 Upgrade Required\r\n")
                .contains("Connection: close\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .endsWith("\r\n\r\nSec-WebSocket-Version must be 13\n");
    }

    @Test
    void extraHeadersKeepTheirOrderAndAreCopiedWhenTheErrorIsMade() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", "5");
        headers.put("Allow", "GET");
        HttpError error = new HttpError(503, "busy", headers);
        headers.put("X-Later", "1");
        assertThat(error.extraHeaders()).containsExactly(entry("Retry-After", "5"), entry("Allow", "GET"));
        assertThat(Heads.text(error.toResponse())).contains("Connection: close\r\nRetry-After: 5\r\nAllow: GET\r\n\r\n");
        assertThatThrownBy(() -> error.extraHeaders().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void contentLengthCountsUtf8Bytes() {
        HttpError error = new HttpError(404, "no endpoint at /caf\u00e9");
        // 19 ASCII characters, a two-byte e-acute and the newline.
        assertThat(Heads.text(error.toResponse())).contains("Content-Length: 22\r\n");
    }

    @Test
    void eachCallReturnsAFreshBuffer() {
        HttpError error = new HttpError(431, "too large");
        error.toResponse().position(5);
        assertThat(error.toResponse().position()).isZero();
    }

    @Test
    void statusAndReasonAreKeptAndTheMessageNamesBoth() {
        HttpError error = new HttpError(414, "request line longer than 8192 bytes");
        assertThat(error.status()).isEqualTo(414);
        assertThat(error.reason()).isEqualTo("request line longer than 8192 bytes");
        assertThat(error.getMessage()).isEqualTo("414 request line longer than 8192 bytes");
        assertThat(error.extraHeaders()).isEmpty();
    }

    @Test
    void multiLineReasonsAndNonErrorStatusesAreRefused() {
        assertThatThrownBy(() -> new HttpError(400, "a\r\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpError(200, "ok")).isInstanceOf(IllegalArgumentException.class);
    }
}
