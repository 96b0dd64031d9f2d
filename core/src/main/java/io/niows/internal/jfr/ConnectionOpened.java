package io.niows.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event {@code io.niows.ConnectionOpened}: a WebSocket connection completed its opening handshake.
 *
 * <p>Not thread-safe: each instance is made, filled and committed by one thread.
 */
@Name("io.niows.ConnectionOpened")
@Label("WebSocket Connection Opened")
@Category("niows")
@Description("A WebSocket connection completed its opening handshake.")
@StackTrace(false)
public final class ConnectionOpened extends jdk.jfr.Event {

    /** The peer address. */
    @Label("Remote Address")
    public String remote;

    /** The request path (server) or the target (client). */
    @Label("Path")
    public String path;
}
