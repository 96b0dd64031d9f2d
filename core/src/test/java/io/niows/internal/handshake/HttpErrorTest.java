package io.niows.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpErrorTest {

    @Test
    void extraHeadersKeepTheirOrderAndAreCopiedWhenTheErrorIsMade() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", "5");
        headers.put("Allow", "GET");
        HttpError error = new HttpError(503, "busy", headers);
        headers.put("X-Later", "1");
        assertThat(error.extraHeaders()).containsExactly(entry("Retry-After", "5"), entry("Allow", "GET"));
        assertThatThrownBy(() -> error.extraHeaders().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
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
