package io.niows.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * JFR event {@code io.niows.LoopStalled}: a selector loop spent longer than its threshold on one
 * connection or one batch of tasks (a handler that blocks holds every connection of its loop).
 *
 * <p>Not thread-safe: each instance is made, filled and committed by one thread.
 */
@Name("io.niows.LoopStalled")
@Label("WebSocket Loop Stalled")
@Category("niows")
@Description("A selector loop spent longer than its threshold on one connection or one batch of tasks.")
@StackTrace(false)
public final class LoopStalled extends jdk.jfr.Event {

    /** The loop thread's name. */
    @Label("Loop")
    public String loop;

    /** The connection being served, or empty for tasks and timers. */
    @Label("Connection")
    public String connection;

    /** How long the loop was held. */
    @Label("Held For")
    @Timespan(Timespan.NANOSECONDS)
    public long heldFor;
}
