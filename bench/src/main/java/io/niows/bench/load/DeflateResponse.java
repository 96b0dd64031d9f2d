package io.niows.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The load tool's side of the permessage-deflate negotiation (RFC 7692 §5, §7.1): what it offers
 * and what answer it accepts. It offers what browsers offer and compresses each message on its
 * own with a 32 KiB window, so it accepts any answer it can keep that way: the server's choice of
 * context takeover and window for its own messages (the tool's inflater keeps a full window), and
 * {@code client_no_context_takeover} (it keeps no context anyway), but not a smaller client window
 * (the JDK's compressor has one size of window). No answer, or an extension it did not offer,
 * fails the connection: a round meant to measure deflate must not silently measure without it.
 *
 * <p>Stateless and thread-safe.
 */
final class DeflateResponse {

    /** The offer, as browsers send it. */
    static final String OFFER = "permessage-deflate; client_max_window_bits";
    private static final String HEADER = "sec-websocket-extensions:";
    private static final int MIN_WINDOW_BITS = 8;
    private static final int MAX_WINDOW_BITS = 15;

    private DeflateResponse() {
    }

    /**
     * Checks the extensions of a {@code 101} response head.
     *
     * @param offered whether the request offered permessage-deflate
     * @throws IOException when the answer is not one the tool asked for and can keep
     */
    static void check(String head, boolean offered) throws IOException {
        List<String> extensions = extensions(head);
        if (!offered) {
            if (!extensions.isEmpty()) {
                throw new IOException("server agreed to an extension the tool did not offer: " + extensions);
            }
            return;
        }
        if (extensions.isEmpty()) {
            throw new IOException("server declined permessage-deflate (no Sec-WebSocket-Extensions in its answer)");
        }
        if (extensions.size() > 1) {
            throw new IOException("server agreed to more than the one extension offered: " + extensions);
        }
        String[] parts = extensions.get(0).split(";");
        if (!parts[0].trim().equals("permessage-deflate")) {
            throw new IOException("server agreed to an extension the tool did not offer: " + extensions.get(0));
        }
        for (int i = 1; i < parts.length; i++) {
            parameter(parts[i].trim());
        }
    }

    private static void parameter(String p) throws IOException {
        int eq = p.indexOf('=');
        String name = (eq < 0 ? p : p.substring(0, eq)).trim();
        String value = eq < 0 ? null : p.substring(eq + 1).trim().replace("\"", "");
        switch (name) {
            case "server_no_context_takeover":
            case "client_no_context_takeover":
                if (value != null) {
                    throw new IOException("permessage-deflate parameter with a value: " + p);
                }
                return;
            case "server_max_window_bits":
                bits(p, value);
                return;
            case "client_max_window_bits":
                if (bits(p, value) < MAX_WINDOW_BITS) {
                    throw new IOException("the tool compresses with a 15-bit window and cannot keep " + p);
                }
                return;
            default:
                throw new IOException("unknown permessage-deflate parameter: " + p);
        }
    }

    private static int bits(String p, String value) throws IOException {
        try {
            int bits = Integer.parseInt(value);
            if (bits >= MIN_WINDOW_BITS && bits <= MAX_WINDOW_BITS) {
                return bits;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IOException("permessage-deflate window out of range 8-15: " + p);
    }

    /** Every extension named in the head's {@code Sec-WebSocket-Extensions} lines, in order. */
    private static List<String> extensions(String head) {
        List<String> found = new ArrayList<>();
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(HEADER)) {
                for (String e : line.substring(HEADER.length()).split(",")) {
                    if (!e.isBlank()) {
                        found.add(e.trim());
                    }
                }
            }
        }
        return found;
    }
}
