package io.niows.protocol;

import io.niows.internal.handshake.HeadWriter;
import java.util.Objects;

/**
 * One HTTP header field, a name and its value (RFC 9110 §5), as niows writes it into a head.
 *
 * <p>Nothing made into a {@code Header} can split a head: the name must be a token and the value
 * visible ISO-8859-1 characters, spaces and tabs, with no CR, LF, NUL or other control (RFC 9110
 * §5.1, §5.5). Anything else is refused with an {@link IllegalArgumentException} when the header
 * is made, by the same rule the head writer applies to every header it writes.
 *
 * <p>Field names are case-insensitive (RFC 9110 §5.1), so niows ignores case where it looks a
 * header up by name: {@code HttpResponse.withHeader} refusing the headers the server writes
 * itself, and {@code HttpRequestHead.header(String)} and {@code headers(String)} on a received
 * request. This record's own {@code equals} and {@code hashCode} compare the name as written.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the field name, a token such as {@code Cache-Control}
 * @param value the field value, written as given
 */
public record Header(String name, String value) {

    /**
     * Makes a header, checking that it cannot split a head.
     *
     * @param name the field name, a token such as {@code Cache-Control}
     * @param value the field value, written as given
     * @throws IllegalArgumentException if the name is not a token, or the value holds CR, LF, NUL,
     *     another control or a character outside ISO-8859-1
     */
    public Header {
        HeadWriter.checkHeader(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    }
}
