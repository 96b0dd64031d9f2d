package io.niows.protocol;

/**
 * Told every frame a connection sends and receives, as it is on the wire, and the heads of its
 * opening handshake: a way to watch RFC 6455 at work. Set on a server or client builder ({@code
 * trace(...)}) or on an {@link EngineConfig#withTrace engine's configuration}; with none set, the
 * only cost is one null check per read and per send.
 *
 * <p><b>Thread-safety:</b> must be thread-safe. Received frames are reported on the thread that
 * drives the connection (a niows connection's loop), in wire order, when their last byte arrived.
 * Sent frames are reported when the engine admits them: on the sending thread, under the
 * connection's send lock, in the order they are queued for the socket (frames the engine writes
 * itself, such as pongs and the close echo, on the driving thread). A hook that blocks holds up
 * the connection, so it should hand its values on rather than write to a slow place.
 *
 * <p>Over TLS the frames are those inside the records. A sent frame is reported when the
 * connection took it for sending: an automatic pong that a later one replaced before the socket
 * took it (RFC 6455 §5.5.3 allows answering only the latest ping) is reported though never sent,
 * and frames still queued when the TCP connection ends are reported though they never left.
 *
 * <p>A hook that throws is not told anything more about that direction of that connection; the
 * exception goes nowhere else, so that a trace can never break the connection it watches.
 */
@FunctionalInterface
public interface FrameTrace {

    /**
     * One frame, in or out.
     *
     * @param frame its header bytes and fields, a bounded preview of its payload
     */
    void onFrame(TracedFrame frame);

    /**
     * The head of an opening-handshake request or response (RFC 6455 §4.1, §4.2.2), in or out,
     * its lines separated by CRLF and ending with the empty line. Does nothing by default.
     *
     * @param direction {@link TracedFrame.Direction#IN} for a head this side received
     * @param head the head's bytes as ISO-8859-1 text
     */
    default void onHandshake(TracedFrame.Direction direction, String head) {
    }
}
