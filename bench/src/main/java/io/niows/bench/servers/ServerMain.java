package io.niows.bench.servers;

import java.util.List;
import java.util.Locale;

/**
 * Starts one server under test on a free loopback port and prints {@code LISTENING <port>}, then
 * runs until the process is ended. Usage: {@code ServerMain <floor|niows|netty|netty-example|jetty|java-websocket> <threads>}.
 *
 * <p>Each server answers echo on {@code /} and broadcast on {@code /broadcast}. A process entry
 * point: one server per JVM, started once from {@code main}.
 */
public final class ServerMain {

    /** Every server this class can start, in the order the comparison runs them by default. */
    public static final List<String> SERVERS = List.of("niows", "netty", "netty-example", "jetty", "java-websocket",
            "floor");

    /**
     * The servers that agree to permessage-deflate when a client offers it: every one but the
     * floor, which speaks no extension. Each has its library's extension on: niows' default, Netty's
     * {@code WebSocketServerCompressionHandler}, Jetty's built-in {@code permessage-deflate},
     * Java-WebSocket's {@code PerMessageDeflateExtension}.
     */
    public static final List<String> DEFLATE_SERVERS = List.of("niows", "netty", "netty-example", "jetty",
            "java-websocket");

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ServerMain <" + String.join("|", SERVERS) + "> <threads>");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[1]);
        BenchServer server = create(args[0].toLowerCase(Locale.ROOT));
        int port = server.start("127.0.0.1", threads);
        System.out.println("LISTENING " + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    static BenchServer create(String name) {
        switch (name) {
            case "floor":
                return new FloorServer();
            case "niows":
                return new NiowsBenchServer();
            case "netty":
                return new NettyBenchServer(false);
            case "netty-example":
                return new NettyBenchServer(true);
            case "jetty":
                return new JettyBenchServer();
            case "java-websocket":
                return new JavaWebSocketBenchServer();
            default:
                throw new IllegalArgumentException("unknown server: " + name);
        }
    }
}
