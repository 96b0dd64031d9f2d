/**
 * The JDK Flight Recorder events niows commits, category "niows": connection opened and closed,
 * handshake refused, slow consumer evicted, protocol failure, loop stalled. Each costs a check of
 * whether it is enabled while no recording asks for it.
 *
 * <p>Not exported; the event names ({@code io.niows.ConnectionClosed}, ...) are the public part.
 */
package io.niows.internal.jfr;
