package io.niows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.protocol.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fallback's response cannot split its own head: header names are tokens and values carry no
 * CR, LF, NUL or other control (RFC 9110 §5.1, §5.5), and the headers that frame the body are
 * the server's alone.
 */
class HttpResponseTest {

    private static final HttpResponse OK = HttpResponse.text(200, "fine");

    @ParameterizedTest(name = "value \"{0}\"")
    @ValueSource(strings = {"a\r\nSet-Cookie: stolen=1", "a\nb", "a\rb", "a\u0000b", "a\u0007b", "a\u007fb",
        "snow \u2603 man"})
    void aHeaderValueWithACrLfNulOrAnotherControlIsRefused(String value) {
        assertThatThrownBy(() -> OK.withHeader("X-Note", value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"", "X Note", "X-Note:", "X-Note\r\nSet-Cookie", "X(Note)", "X\"Note", "Caf\u00e9"})
    void aHeaderNameThatIsNotATokenIsRefused(String name) {
        assertThatThrownBy(() -> OK.withHeader(name, "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Content-Length", "content-length", "Transfer-Encoding", "Connection", "Content-Type"})
    void theHeadersTheServerWritesItselfCannotBeAddedTwice(String name) {
        assertThatThrownBy(() -> OK.withHeader(name, "5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aContentTypeWithALineBreakIsRefused() {
        assertThatThrownBy(() -> HttpResponse.of(200, "text/html\r\nSet-Cookie: a=b", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-1, 0, 99, 101, 199, 600, 1000})
    void aStatusThatIsNotAFinalResponseIsRefused(int status) {
        assertThatThrownBy(() -> HttpResponse.text(status, "odd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validHeadersAreKeptInOrderWithTabsAndObsTextInValues() {
        HttpResponse r = OK.withHeader("Cache-Control", "no-cache").withHeader("X-Odd!#$%&'*+.^_`|~", "a\tb \u00e9");
        assertThat(r.headers()).containsExactly(new Header("Cache-Control", "no-cache"),
                new Header("X-Odd!#$%&'*+.^_`|~", "a\tb \u00e9"));
        assertThat(OK.headers()).isEmpty();
    }

    @Test
    void theHeadersCannotBeChangedThroughTheList() {
        HttpResponse r = OK.withHeader("Cache-Control", "no-cache");
        Header smuggled = new Header("Connection", "keep-alive");
        assertThatThrownBy(() -> r.headers().add(smuggled)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.headers().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(r.headers()).containsExactly(new Header("Cache-Control", "no-cache"));
    }

    @Test
    void addingAHeaderLeavesTheOriginalResponseAsItWas() {
        HttpResponse plain = HttpResponse.text(200, "fine");
        HttpResponse more = plain.withHeader("X-One", "1");
        assertThat(plain.headers()).isEmpty();
        assertThat(more.headers()).containsExactly(new Header("X-One", "1"));
    }
}
