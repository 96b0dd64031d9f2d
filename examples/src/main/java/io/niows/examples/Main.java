package io.niows.examples;

import io.niows.WebSocketServer;
import io.niows.examples.blocking.BlockingEchoServer;
import io.niows.examples.chat.ChatNode;
import io.niows.examples.chat.ChatServer;
import io.niows.examples.redis.RedisBroadcastServer;
import io.niows.examples.trace.TraceTools;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * The examples' entry point: {@code java -jar niows-examples.jar [chat|echo|broadcast|blocking-echo]
 * [--port N] [--host ADDRESS] [--tls-cert FILE --tls-key FILE]}, or {@code echo-client --url ws://HOST:PORT
 * [--agent NAME]}, or one of the protocol-watching tools {@code trace} and {@code decode} ({@link TraceTools}).
 * Prints
 * where it listens, runs until the process is stopped (Ctrl-C), then closes the server: the niows
 * servers gracefully (clients get a 1001 close frame), the blocking echo by dropping every
 * connection.
 *
 * <p>Exit status: 2 for bad arguments, 1 if the server cannot start.
 *
 * <p>Not for use as a library; call the example servers' {@code start} methods instead. Its
 * static helpers hold no state and are thread-safe.
 */
public final class Main {

    /** Exit status for a command line that makes no sense. */
    static final int EXIT_USAGE = 2;
    /** Exit status for a server that could not start, such as a port in use. */
    static final int EXIT_START_FAILED = 1;
    /** Exit status for a server that failed while running (see {@code WebSocketServer.Builder#onServerError}). */
    static final int EXIT_SERVER_FAILED = 3;

    private Main() {
    }

    /** Runs the example the arguments name. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && TraceTools.handles(args[0])) {
            System.exit(TraceTools.run(args, System.in, System.out, System.err));
            return;
        }
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            usage(System.err, e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        if (line.command().equals("help")) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        if (line.command().equals("echo-client")) {
            System.exit(playCases(line));
            return;
        }
        if (line.command().equals("blocking-echo")) {
            startBlockingEcho(line);
            return;
        }
        WebSocketServer server;
        try {
            server = start(line);
        } catch (IOException | RuntimeException e) {
            System.exit(cannotListen(line, e));
            return;
        }
        System.out.println(banner(line.command(), line.host(), server.port(), line.tls()));
        System.exit(serveUntilStopped(server));
    }

    /**
     * Waits until Ctrl-C (the server then closes gracefully) or until the server fails as a
     * whole, which must not leave a process that accepts nothing: then the exit status is
     * {@link #EXIT_SERVER_FAILED}.
     */
    static int serveUntilStopped(WebSocketServer server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown.set(true);
            server.close();
            stopped.countDown();
        }, "niows-examples-shutdown"));
        while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
            if (!server.isRunning() && !shuttingDown.get()) {
                System.err.println("the server failed and stopped; see the log above");
                return EXIT_SERVER_FAILED;
            }
        }
        return 0;
    }

    /**
     * Starts the blocking-socket echo and returns: its acceptor thread keeps the process running
     * until Ctrl-C, when a shutdown hook closes it.
     */
    private static void startBlockingEcho(CommandLine line) {
        BlockingEchoServer server;
        try {
            server = BlockingEchoServer.start(line.host(), line.port());
        } catch (IOException | RuntimeException e) {
            System.exit(cannotListen(line, e));
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "niows-examples-shutdown"));
        System.out.println(banner(line.command(), line.host(), server.port()));
    }

    private static int cannotListen(CommandLine line, Exception e) {
        System.err.println("cannot listen on " + line.host() + ":" + line.port() + ": " + e);
        return EXIT_START_FAILED;
    }

    /** Plays a fuzzing server's cases; the exit status says whether every case could be played. */
    private static int playCases(CommandLine line) {
        try {
            int played = new AutobahnEchoClient(java.net.URI.create(line.url()), line.agent(), System.out).run();
            System.out.println("echo-client: played " + played + " cases; the fuzzing server writes the report");
            return 0;
        } catch (Exception e) {
            System.err.println("echo-client: " + e);
            return EXIT_START_FAILED;
        }
    }

    /** Starts the server a command line names. */
    static WebSocketServer start(CommandLine line) throws IOException {
        return switch (line.command()) {
            case "echo" -> EchoServer.start(line.host(), line.port(), tls(line));
            case "broadcast" -> line.redis() == null ? BroadcastServer.start(line.host(), line.port(), tls(line))
                    : closedAtExit(RedisBroadcastServer.start(line.host(), line.port(), tls(line), line.redis()));
            case "chat" -> line.redis() == null ? ChatServer.start(line.host(), line.port(), tls(line))
                    : closedAtExit(ChatServer.start(line.host(), line.port(), tls(line), line.redis(), line.peers()));
            default -> throw new IllegalArgumentException(
                    "not a server command: " + line.command());
        };
    }

    /** The node's server; its Redis connections close when the process exits. */
    private static WebSocketServer closedAtExit(ChatNode node) {
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "niows-chat-redis-shutdown"));
        return node.server();
    }

    /** The node's server; its publisher and Redis connections close when the process exits. */
    private static WebSocketServer closedAtExit(RedisBroadcastServer node) {
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "niows-broadcast-redis-shutdown"));
        return node.server();
    }

    private static SSLContext tls(CommandLine line) throws IOException {
        return line.tls() ? Tls.fromPem(line.tlsCert(), line.tlsKey()) : null;
    }

    /** The line that tells where a server listens. */
    static String banner(String command, String host, int port) {
        return banner(command, host, port, false);
    }

    /** The line that tells where a server listens, over TLS if {@code tls}. */
    static String banner(String command, String host, int port, boolean tls) {
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        String http = tls ? "https://" : "http://";
        String ws = tls ? "wss://" : "ws://";
        return switch (command) {
            case "chat" -> "chat: open " + http + authority + "/ in two browser windows"
                    + " (WebSocket at " + ws + authority + ChatServer.PATH + "); Ctrl-C stops";
            default -> command + ": listening on " + ws + authority + "/ (any path); Ctrl-C stops";
        };
    }

    private static void usage(PrintStream err, String problem) {
        err.println("niows-examples: " + problem);
        err.println(CommandLine.USAGE);
    }
}
