package io.niows.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.DataAmount;

/**
 * JFR event {@code io.niows.SlowConsumerEvicted}: a connection was closed with 1008 for having too many bytes queued.
 *
 * <p>Not thread-safe: each instance is made, filled and committed by one thread.
 */
@Name("io.niows.SlowConsumerEvicted")
@Label("WebSocket Slow Consumer Evicted")
@Category("niows")
@Description("A connection was closed with 1008 for having too many bytes queued.")
@StackTrace(false)
public final class SlowConsumerEvicted extends jdk.jfr.Event {

    /** The peer address. */
    @Label("Remote Address")
    public String remote;

    /** The bytes queued for it when it was closed. */
    @Label("Queued")
    @DataAmount
    public long queued;
}
