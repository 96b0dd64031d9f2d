package io.niows;

import java.util.Map;

/**
 * The JMX view of one server's {@link Metrics}, registered as
 * {@code io.niows:type=WebSocketServer,port=<port>} when the server is built with
 * {@link WebSocketServer.Builder#jmx(boolean) jmx(true)}, and unregistered when it is closed or
 * stopped. Each attribute reads a fresh snapshot; the meaning of each is that of the
 * {@link Metrics} method of the same name.
 *
 * <p>Thread-safe: JMX clients read it from their own threads.
 */
public interface WebSocketServerMXBean {

    /** {@return see {@link Metrics#connectionsOpen()}} */
    long getConnectionsOpen();

    /** {@return see {@link Metrics#connectionsAccepted()}} */
    long getConnectionsAccepted();

    /** {@return see {@link Metrics#connectionsOpened()}} */
    long getConnectionsOpened();

    /** {@return see {@link Metrics#connectionsClosed()}} */
    long getConnectionsClosed();

    /** {@return see {@link Metrics#refusedByStatus()}} */
    Map<Integer, Long> getRefusedByStatus();

    /** {@return see {@link Metrics#closeFramesSent()}} */
    Map<Integer, Long> getCloseFramesSent();

    /** {@return see {@link Metrics#closeFramesReceived()}} */
    Map<Integer, Long> getCloseFramesReceived();

    /** {@return see {@link Metrics#protocolFailures()}} */
    Map<Integer, Long> getProtocolFailures();

    /** {@return see {@link Metrics#messagesIn()}} */
    long getMessagesIn();

    /** {@return see {@link Metrics#messagesOut()}} */
    long getMessagesOut();

    /** {@return see {@link Metrics#bytesIn()}} */
    long getBytesIn();

    /** {@return see {@link Metrics#bytesOut()}} */
    long getBytesOut();

    /** {@return see {@link Metrics#framesIn()}} */
    long getFramesIn();

    /** {@return see {@link Metrics#framesOut()}} */
    long getFramesOut();

    /** {@return see {@link Metrics#queuedBytes()}} */
    long getQueuedBytes();

    /** {@return see {@link Metrics#broadcastEvictions()}} */
    long getBroadcastEvictions();

    /** {@return see {@link Metrics#broadcastSkips()}} */
    long getBroadcastSkips();

    /** {@return see {@link Metrics#loopStalls()}} */
    long getLoopStalls();

    /** {@return {@link Metrics#lastPingRoundTrip()} in milliseconds, -1 before the first} */
    double getLastPingRoundTripMillis();
}
