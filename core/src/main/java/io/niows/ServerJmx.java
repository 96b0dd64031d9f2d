package io.niows;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers a server's {@link WebSocketServerMXBean} with the platform MBean server, and
 * unregisters it. Only a server built with {@code jmx(true)} uses it, so {@code java.management}
 * is loaded only then.
 *
 * <p>Stateless; the view it registers is thread-safe.
 */
final class ServerJmx implements WebSocketServerMXBean {

    private final Supplier<Metrics> metrics;

    private ServerJmx(Supplier<Metrics> metrics) {
        this.metrics = metrics;
    }

    /**
     * Registers the view of {@code metrics} under {@code io.niows:type=WebSocketServer,port=<port>}.
     *
     * @throws IllegalStateException if that name is taken or the platform MBean server refuses it
     */
    static ObjectName register(int port, Supplier<Metrics> metrics) {
        try {
            ObjectName name = new ObjectName("io.niows:type=WebSocketServer,port=" + port);
            ManagementFactory.getPlatformMBeanServer().registerMBean(new ServerJmx(metrics), name);
            return name;
        } catch (JMException e) {
            throw new IllegalStateException("could not register the server's MBean: " + e, e);
        }
    }

    /** Unregisters {@code registered}, a name {@link #register} returned, if it is still registered. */
    static void unregister(Object registered) {
        ObjectName name = (ObjectName) registered;
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            System.getLogger("io.niows").log(System.Logger.Level.DEBUG, "unregistering " + name, e);
        }
    }

    @Override
    public long getConnectionsOpen() {
        return metrics.get().connectionsOpen();
    }

    @Override
    public long getConnectionsAccepted() {
        return metrics.get().connectionsAccepted();
    }

    @Override
    public long getConnectionsOpened() {
        return metrics.get().connectionsOpened();
    }

    @Override
    public long getConnectionsClosed() {
        return metrics.get().connectionsClosed();
    }

    @Override
    public Map<Integer, Long> getRefusedByStatus() {
        return metrics.get().refusedByStatus();
    }

    @Override
    public Map<Integer, Long> getCloseFramesSent() {
        return metrics.get().closeFramesSent();
    }

    @Override
    public Map<Integer, Long> getCloseFramesReceived() {
        return metrics.get().closeFramesReceived();
    }

    @Override
    public Map<Integer, Long> getProtocolFailures() {
        return metrics.get().protocolFailures();
    }

    @Override
    public long getMessagesIn() {
        return metrics.get().messagesIn();
    }

    @Override
    public long getMessagesOut() {
        return metrics.get().messagesOut();
    }

    @Override
    public long getBytesIn() {
        return metrics.get().bytesIn();
    }

    @Override
    public long getBytesOut() {
        return metrics.get().bytesOut();
    }

    @Override
    public long getFramesIn() {
        return metrics.get().framesIn();
    }

    @Override
    public long getFramesOut() {
        return metrics.get().framesOut();
    }

    @Override
    public long getQueuedBytes() {
        return metrics.get().queuedBytes();
    }

    @Override
    public long getBroadcastEvictions() {
        return metrics.get().broadcastEvictions();
    }

    @Override
    public long getBroadcastSkips() {
        return metrics.get().broadcastSkips();
    }

    @Override
    public long getLoopStalls() {
        return metrics.get().loopStalls();
    }

    @Override
    public double getLastPingRoundTripMillis() {
        Duration last = metrics.get().lastPingRoundTrip();
        return last == null ? -1 : last.toNanos() / 1e6;
    }
}
