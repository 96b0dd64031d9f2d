package io.niows.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7230 §7: comma-separated lists. */
class HeaderTokensTest {

    @Test
    void elementsAreSplitOnCommasAndTrimmed() {
        assertThat(HeaderTokens.tokens("keep-alive, Upgrade")).containsExactly("keep-alive", "Upgrade");
        assertThat(HeaderTokens.tokens(" a ,\tb\t")).containsExactly("a", "b");
    }

    @Test
    void emptyElementsAreIgnored() {
        assertThat(HeaderTokens.tokens(",a,, ,b,")).containsExactly("a", "b");
        assertThat(HeaderTokens.tokens("")).isEmpty();
        assertThat(HeaderTokens.tokens(null)).isEmpty();
    }

    @Test
    void containsTokenIgnoresAsciiCaseAcrossAllLines() {
        assertThat(HeaderTokens.containsToken(List.of("keep-alive", "UPGRADE"), "Upgrade")).isTrue();
        assertThat(HeaderTokens.containsToken(List.of("upgraded"), "upgrade")).isFalse();
        assertThat(HeaderTokens.containsToken(List.of(), "upgrade")).isFalse();
    }

    @Test
    void containsTokenDoesNotFoldNonAsciiLetters() {
        assertThat(HeaderTokens.containsToken(List.of("\u017Fec"), "sec")).isFalse();
    }
}
