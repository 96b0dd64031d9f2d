package io.niows.protocol;

/**
 * The permessage-deflate parameters both ends agreed on in the opening handshake (RFC 7692 §7.1),
 * and the response's {@code Sec-WebSocket-Extensions} value that says so.
 *
 * @param serverNoContextTakeover the server compresses each message on its own
 * @param clientNoContextTakeover the client compresses each message on its own
 * @param serverMaxWindowBits the server's compression window, 8 to 15
 * @param clientMaxWindowBits the client's compression window, 8 to 15
 * @param header the extension as the server's response states it
 */
record DeflateAgreement(boolean serverNoContextTakeover, boolean clientNoContextTakeover, int serverMaxWindowBits,
        int clientMaxWindowBits, String header) {

    /** Whether {@code role} compresses each message on its own. */
    boolean compressesIndependently(Role role) {
        return role == Role.SERVER ? serverNoContextTakeover : clientNoContextTakeover;
    }

    /** The compression window of {@code role}. */
    int windowBits(Role role) {
        return role == Role.SERVER ? serverMaxWindowBits : clientMaxWindowBits;
    }
}
