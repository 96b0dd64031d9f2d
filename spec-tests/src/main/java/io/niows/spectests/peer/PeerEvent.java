package io.niows.spectests.peer;

import io.niows.spectests.wire.Frame;

/**
 * Something the peer did: sent a frame, closed TCP, or sent bytes that are not frames.
 * Immutable; events cross from the reading thread to the case thread.
 */
public sealed interface PeerEvent {

    /** A complete frame arrived. */
    record FrameReceived(Frame frame) implements PeerEvent {
    }

    /** The TCP connection ended (peer closed it, reset it, or we dropped it). */
    record TcpClosed(String reason) implements PeerEvent {
    }

    /** The byte stream could not be split into frames. */
    record Unreadable(String reason) implements PeerEvent {
    }
}
