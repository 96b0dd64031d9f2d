package io.niows.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event {@code io.niows.ProtocolFailure}: the peer broke a rule of RFC 6455: the connection
 * was failed with a close code.
 *
 * <p>Not thread-safe: each instance is made, filled and committed by one thread.
 */
@Name("io.niows.ProtocolFailure")
@Label("WebSocket Protocol Failure")
@Category("niows")
@Description("The peer broke a rule of RFC 6455: the connection was failed with a close code.")
@StackTrace(false)
public final class ProtocolFailure extends jdk.jfr.Event {

    /** The peer address. */
    @Label("Remote Address")
    public String remote;

    /** The close code the connection was failed with. */
    @Label("Close Code")
    public int code;

    /** The rule that was broken. */
    @Label("Reason")
    public String reason;
}
