package io.niows.spectests.cases;

import java.nio.charset.StandardCharsets;

/** Payload helpers for the case files. Stateless; safe from any thread. */
public final class Payloads {
    private Payloads() {
    }

    /** UTF-8 bytes of a string. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A pattern repeated (and cut) to exactly {@code length} octets, as Autobahn's payload_len. */
    public static byte[] repeat(byte[] pattern, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = pattern[i % pattern.length];
        }
        return out;
    }

    /** A string pattern repeated to {@code length} octets. */
    public static byte[] repeat(String pattern, int length) {
        return repeat(pattern.getBytes(StandardCharsets.ISO_8859_1), length);
    }

    /** Octets given as ints. */
    public static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** Concatenation. */
    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
