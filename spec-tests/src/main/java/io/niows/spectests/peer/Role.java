package io.niows.spectests.peer;

/**
 * Which end of the WebSocket connection the fuzzer plays. It decides masking (a client
 * masks, section 5.3) and who is expected to drop TCP at the end (the server, section 7.1.1).
 *
 * <p>Immutable and thread-safe.
 */
public enum Role {
    /** The fuzzer is the client; the implementation under test is a server. */
    CLIENT,
    /** The fuzzer is the server; the implementation under test is a client. */
    SERVER
}
