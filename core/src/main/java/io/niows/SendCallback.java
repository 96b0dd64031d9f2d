package io.niows;

/**
 * Told when a queued frame's last byte has been handed to the kernel, or when it never will be.
 *
 * <p>Called on the connection's loop thread; it must not block.
 */
@FunctionalInterface
public interface SendCallback {

    /**
     * The frame's bytes reached the kernel, or never will.
     *
     * @param ws the connection the frame was queued on
     * @param failure {@code null} when the bytes reached the kernel; otherwise why they never will
     *     (the connection closed first)
     */
    void onSent(WebSocket ws, Throwable failure);
}
