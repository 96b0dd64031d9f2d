package io.niows.internal.handshake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The {@code Sec-WebSocket-Key} / {@code Sec-WebSocket-Accept} pair of RFC 6455 §1.3 and §4.2.2.
 *
 * <p>Stateless and thread-safe.
 */
public final class AcceptKey {

    /** The GUID of RFC 6455 §1.3, appended to the client's key before hashing. */
    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private static final int KEY_BYTES = 16;
    private static final int ENCODED_KEY_LENGTH = 24;

    private AcceptKey() {
    }

    /**
     * Returns the {@code Sec-WebSocket-Accept} value for a key: "the base64-encoded SHA-1 of the
     * concatenation of the |Sec-WebSocket-Key| (as a string, not base64-decoded) with the string
     * 258EAFA5-E914-47DA-95CA-C5AB0DC85B11" (RFC 6455 §4.1).
     */
    public static String of(String secWebSocketKey) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
        byte[] input = (secWebSocketKey + GUID).getBytes(StandardCharsets.ISO_8859_1);
        return Base64.getEncoder().encodeToString(sha1.digest(input));
    }

    /**
     * Tells whether a key is "a base64-encoded value that, when decoded, is 16 bytes in length"
     * (RFC 6455 §4.2.1 item 5), in the padded form of RFC 4648 §4.
     */
    public static boolean isValidKey(String key) {
        if (key == null || key.length() != ENCODED_KEY_LENGTH || !key.endsWith("==")) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == KEY_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
