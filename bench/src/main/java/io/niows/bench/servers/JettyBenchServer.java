package io.niows.bench.servers;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Jetty 12.1 WebSocket, embedded as Jetty's documentation shows: a {@link Server} with one
 * {@link ServerConnector} (one acceptor, {@code threads} selectors, the default thread pool), a
 * {@link ContextHandler} and a {@link WebSocketUpgradeHandler} mapping {@code /} to an echo
 * endpoint and {@code /broadcast} to a broadcast endpoint. The message and frame limits are raised
 * to {@link BenchServer#MAX_MESSAGE}; the idle timeout is raised so idle connections stay.
 *
 * <p>Thread-safe to start once; afterwards Jetty's threads run it.
 */
public final class JettyBenchServer implements BenchServer {

    @Override
    public int start(String host, int threads) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, threads);
        connector.setHost(host);
        connector.setPort(0);
        server.addConnector(connector);
        Set<Session> members = ConcurrentHashMap.newKeySet();
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setMaxBinaryMessageSize(MAX_MESSAGE);
            container.setMaxTextMessageSize(MAX_MESSAGE);
            container.setMaxFrameSize(MAX_MESSAGE);
            container.setIdleTimeout(Duration.ofHours(1));
            container.addMapping("/", (request, response, callback) -> new JettyEchoEndpoint());
            container.addMapping("/broadcast", (request, response, callback) -> new JettyBroadcastEndpoint(members));
        });
        context.setHandler(upgrade);
        server.setHandler(context);
        server.start();
        return connector.getLocalPort();
    }
}
