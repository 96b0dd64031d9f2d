package io.niows.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * JFR event {@code io.niows.ConnectionClosed}: an opened WebSocket connection ended.
 *
 * <p>Not thread-safe: each instance is made, filled and committed by one thread.
 */
@Name("io.niows.ConnectionClosed")
@Label("WebSocket Connection Closed")
@Category("niows")
@Description("An opened WebSocket connection ended.")
@StackTrace(false)
public final class ConnectionClosed extends jdk.jfr.Event {

    /** The peer address. */
    @Label("Remote Address")
    public String remote;

    /** The close code reported to the application. */
    @Label("Close Code")
    public int code;

    /** Whether the peer began the close (or dropped TCP). */
    @Label("Closed By Peer")
    public boolean byPeer;

    /** How long the connection was open. */
    @Label("Open For")
    @Timespan(Timespan.NANOSECONDS)
    public long openFor;
}
