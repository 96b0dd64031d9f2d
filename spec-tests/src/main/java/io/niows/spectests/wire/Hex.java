package io.niows.spectests.wire;

/** Hex helpers for wire logs and case descriptions. Stateless; safe from any thread. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Lower-case hex of the first {@code limit} bytes, with " ..." when cut. */
    public static String of(byte[] data, int off, int len, int limit) {
        int n = Math.min(len, limit);
        StringBuilder sb = new StringBuilder(n * 2 + 4);
        for (int i = off; i < off + n; i++) {
            sb.append(DIGITS[(data[i] >> 4) & 0xF]).append(DIGITS[data[i] & 0xF]);
        }
        if (len > limit) {
            sb.append(" ...");
        }
        return sb.toString();
    }

    /** Lower-case hex of a whole array. */
    public static String of(byte[] data) {
        return of(data, 0, data.length, Integer.MAX_VALUE);
    }

    /** Parses lower- or upper-case hex without separators. */
    public static byte[] parse(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
