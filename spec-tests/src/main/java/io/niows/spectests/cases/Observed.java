package io.niows.spectests.cases;

import io.niows.spectests.wire.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One thing the case saw: a message, a ping, a pong, or a timer that fired while the
 * connection was still open (Autobahn's {@code ("timeout", tag)}). Immutable; compared by value.
 */
public final class Observed {
    private final String kind;
    private final byte[] payload;
    private final boolean binary;
    private final String tag;

    private Observed(String kind, byte[] payload, boolean binary, String tag) {
        this.kind = kind;
        this.payload = payload;
        this.binary = binary;
        this.tag = tag;
    }

    public static Observed message(byte[] payload, boolean binary) {
        return new Observed("message", payload, binary, null);
    }

    public static Observed text(String text) {
        return message(text.getBytes(StandardCharsets.UTF_8), false);
    }

    public static Observed ping(byte[] payload) {
        return new Observed("ping", payload, false, null);
    }

    public static Observed pong(byte[] payload) {
        return new Observed("pong", payload, false, null);
    }

    public static Observed pong(String payload) {
        return pong(payload.getBytes(StandardCharsets.UTF_8));
    }

    public static Observed timeout(String tag) {
        return new Observed("timeout", null, false, tag);
    }

    /** A JSON-ready row in Autobahn's tuple shape; payloads over 256 octets are cut. */
    public List<Object> toRow() {
        if (payload == null) {
            return List.of(kind, tag);
        }
        String shown = payload.length > 256 ? Hex.of(payload, 0, payload.length, 256)
                : isUtf8Printable() ? new String(payload, StandardCharsets.UTF_8) : Hex.of(payload);
        return kind.equals("message") ? List.of(kind, shown, binary) : List.of(kind, shown);
    }

    private boolean isUtf8Printable() {
        return io.niows.spectests.wire.Utf8Validator.isValid(payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Observed other && kind.equals(other.kind) && binary == other.binary
                && Arrays.equals(payload, other.payload) && java.util.Objects.equals(tag, other.tag);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return toRow().toString();
    }
}
