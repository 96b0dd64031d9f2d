package io.niows.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A header cannot split the head it is written into: its name is a token and its value carries no
 * CR, LF, NUL, other control or character outside ISO-8859-1 (RFC 9110 §5.1, §5.5).
 */
class HeaderTest {

    @ParameterizedTest(name = "value \"{0}\"")
    @ValueSource(strings = {"a\r\nSet-Cookie: stolen=1", "a\nb", "a\rb", "a\u0000b", "a\u0007b", "a\u001fb",
        "a\u007fb", "snow \u2603 man"})
    void aValueWithACrLfNulAnotherControlOrANonLatin1CharacterIsRefused(String value) {
        assertThatThrownBy(() -> new Header("X-Note", value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"", "X Note", "X-Note:", "X-Note\r\nSet-Cookie", "X\u0000Note", "X(Note)", "X\"Note",
        "X/Note", "Caf\u00e9"})
    void aNameThatIsNotATokenIsRefused(String name) {
        assertThatThrownBy(() -> new Header(name, "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingNameOrValueIsRefused() {
        assertThatThrownBy(() -> new Header(null, "v")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Header("X-Note", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aTokenNameAndAValueOfVisibleLatin1SpacesAndTabsAreKeptAsGiven() {
        Header header = new Header("X-Odd!#$%&'*+.^_`|~", "a\tb \u00e9");
        assertThat(header.name()).isEqualTo("X-Odd!#$%&'*+.^_`|~");
        assertThat(header.value()).isEqualTo("a\tb \u00e9");
        assertThat(new Header("X-Empty", "").value()).isEmpty();
    }

    @Test
    void equalityComparesTheNameAsWritten() {
        assertThat(new Header("Allow", "GET")).isEqualTo(new Header("Allow", "GET"));
        assertThat(new Header("Allow", "GET")).isNotEqualTo(new Header("allow", "GET"));
    }
}
