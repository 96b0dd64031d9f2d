package io.niows.protocol;

import io.niows.internal.handshake.HeadWriter;
import java.util.Objects;

/**
 * One HTTP header field: a name and its value (RFC 9110 §5).
 *
 * <p>Immutable and thread-safe. A header that could split a head cannot be made: the name must be
 * a token and the value visible ISO-8859-1 characters, spaces and tabs, without CR, LF, NUL or
 * another control.
 *
 * @param name the field name, a token
 * @param value the field value
 */
public record Header(String name, String value) {

    /**
     * @throws IllegalArgumentException if the name is not a token or the value is not a valid
     *     field value
     */
    public Header {
        HeadWriter.checkHeader(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    }
}
