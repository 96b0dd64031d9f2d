package io.niows.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event {@code io.niows.HandshakeRefused}: an opening handshake was answered with an HTTP status instead of 101.
 *
 * <p>Not thread-safe: each instance is made, filled and committed by one thread.
 */
@Name("io.niows.HandshakeRefused")
@Label("WebSocket Handshake Refused")
@Category("niows")
@Description("An opening handshake was answered with an HTTP status instead of 101.")
@StackTrace(false)
public final class HandshakeRefused extends jdk.jfr.Event {

    /** The peer address. */
    @Label("Remote Address")
    public String remote;

    /** The HTTP status of the answer (or of the server's answer, on a client). */
    @Label("Status")
    public int status;

    /** Why, as the answer states it. */
    @Label("Reason")
    public String reason;
}
