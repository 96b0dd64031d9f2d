package io.niows.examples;

import io.niows.examples.chat.ChatPeers;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * The parsed command line of {@link Main}: which example, on which host and port.
 *
 * <p>Immutable and thread-safe.
 *
 * @param command {@code echo}, {@code broadcast}, {@code chat}, {@code blocking-echo}, {@code echo-client} or
 *     {@code help}
 * @param host the address to listen on
 * @param port the port to listen on, 0 for any free one
 * @param url for {@code echo-client}: the fuzzing server to play, otherwise {@code null}
 * @param agent for {@code echo-client}: the name its reports use, otherwise {@code null}
 * @param tlsCert for a server: the PEM certificate chain to serve TLS with, or {@code null} for plain TCP
 * @param tlsKey the PEM PKCS#8 private key of {@code tlsCert}, or {@code null}
 * @param redis for {@code chat} and {@code broadcast}: the Redis ({@code redis://host:port}) through which
 *     this process shares its room (its clients) with other such processes, or {@code null} for this
 *     process alone
 * @param peers for {@code chat --redis}: the nodes of the room its page may fail over to, or
 *     {@link ChatPeers#NONE}
 */
public record CommandLine(String command, String host, int port, String url, String agent, Path tlsCert,
        Path tlsKey, URI redis, ChatPeers peers) {

    /** The usage message. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar niows-examples.jar [COMMAND] [--port N] [--host ADDRESS]",
            "                                    [--tls-cert FILE --tls-key FILE]",
            "",
            "commands:",
            "  chat           the browser chat: page at / and WebSocket at /chat (default; port 8080)",
            "  echo           echo every message, on any path, up to 64 MiB (--port required)",
            "  broadcast      send every message, up to 64 KiB, to every connected client (--port required)",
            "  blocking-echo  the same echo on blocking sockets, a thread per connection, driving the",
            "                 sans-I/O protocol engine: the example to read first (--port required)",
            "  echo-client    play every case of a fuzzing server: --url ws://HOST:PORT [--agent NAME]",
            io.niows.examples.trace.TraceTools.USAGE,
            "  help           print this message",
            "",
            "--host defaults to 127.0.0.1; --port 0 picks a free port.",
            "--tls-cert (PEM certificate chain) and --tls-key (PEM PKCS#8 key) serve chat, echo and broadcast",
            "over TLS: https:// and wss://.",
            "chat --redis redis://HOST:PORT shares the room with every chat process given the same Redis;",
            "add --peers ws://HOST:PORT/chat,ws://HOST:PORT/chat (the room's nodes, the same list for each)",
            "and a page moves to the next node of the list when its own goes away.",
            "broadcast --redis redis://HOST:PORT sends every text message to the clients of every broadcast",
            "process given the same Redis.");

    private static final String DEFAULT_HOST = "127.0.0.1";
    private static final int DEFAULT_CHAT_PORT = 8080;
    private static final List<String> COMMANDS = List.of("chat", "echo", "broadcast", "blocking-echo", "echo-client",
            "help");

    /** A server command line. */
    public CommandLine(String command, String host, int port) {
        this(command, host, port, null, null);
    }

    /** A command line without TLS. */
    public CommandLine(String command, String host, int port, String url, String agent) {
        this(command, host, port, url, agent, null, null);
    }

    /** A command line without Redis. */
    public CommandLine(String command, String host, int port, String url, String agent, Path tlsCert, Path tlsKey) {
        this(command, host, port, url, agent, tlsCert, tlsKey, null);
    }

    /** A command line without peers. */
    public CommandLine(String command, String host, int port, String url, String agent, Path tlsCert, Path tlsKey,
            URI redis) {
        this(command, host, port, url, agent, tlsCert, tlsKey, redis, ChatPeers.NONE);
    }

    /** Whether the server serves TLS. */
    public boolean tls() {
        return tlsCert != null;
    }

    /**
     * Parses the arguments; none at all means {@code chat}.
     *
     * @throws IllegalArgumentException with a one-line reason if they make no sense
     */
    public static CommandLine parse(String... args) {
        if (args.length == 0) {
            return new CommandLine("chat", DEFAULT_HOST, DEFAULT_CHAT_PORT);
        }
        String command = args[0];
        if (command.equals("--help") || command.equals("-h")) {
            command = "help";
        }
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("unknown command: " + command);
        }
        String host = DEFAULT_HOST;
        Integer port = command.equals("chat") ? DEFAULT_CHAT_PORT : null;
        String url = null;
        String agent = "niows";
        Path tlsCert = null;
        Path tlsKey = null;
        URI redis = null;
        ChatPeers peers = ChatPeers.NONE;
        for (int i = 1; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option);
            }
            switch (option) {
                case "--host" -> host = nonEmpty(option, args[i + 1]);
                case "--port" -> port = port(args[i + 1]);
                case "--url" -> url = nonEmpty(option, args[i + 1]);
                case "--agent" -> agent = nonEmpty(option, args[i + 1]);
                case "--tls-cert" -> tlsCert = Path.of(nonEmpty(option, args[i + 1]));
                case "--tls-key" -> tlsKey = Path.of(nonEmpty(option, args[i + 1]));
                case "--redis" -> redis = redis(args[i + 1]);
                case "--peers" -> peers = peers(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        if (tlsCert != null && !List.of("chat", "echo", "broadcast").contains(command)) {
            throw new IllegalArgumentException(command + " does not serve TLS");
        }
        if (redis != null && !List.of("chat", "broadcast").contains(command)) {
            throw new IllegalArgumentException("--redis is for chat and broadcast");
        }
        if (!peers.urls().isEmpty() && redis == null) {
            throw new IllegalArgumentException("--peers needs --redis: only nodes that share a room through Redis"
                    + " can take each other's pages");
        }
        if (command.equals("help")) {
            return new CommandLine(command, host, 0);
        }
        if (command.equals("echo-client")) {
            if (url == null || !url.startsWith("ws://")) {
                throw new IllegalArgumentException("echo-client needs --url ws://HOST:PORT");
            }
            return new CommandLine(command, host, 0, url, agent);
        }
        if (port == null) {
            throw new IllegalArgumentException(command + " needs --port");
        }
        return new CommandLine(command, host, port, null, null, tlsCert, tlsKey, redis, peers);
    }

    private static ChatPeers peers(String value) {
        try {
            return ChatPeers.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--peers: " + e.getMessage());
        }
    }

    private static URI redis(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--redis needs redis://HOST:PORT, got " + value);
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--redis needs redis://HOST:PORT, got " + value);
        }
        return uri;
    }

    private static String nonEmpty(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        return value;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535: " + value);
    }
}
