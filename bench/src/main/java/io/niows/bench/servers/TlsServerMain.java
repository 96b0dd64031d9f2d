package io.niows.bench.servers;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.niows.TlsContexts;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Starts one echo server of the TLS comparison on a free loopback port and prints {@code
 * LISTENING <port>}, then runs until the process is ended. Usage: {@code TlsServerMain
 * <niows|niows-plain|netty|netty-plain|jetty> <threads> <keystore.p12> <password>}. Every TLS
 * server uses the JDK's provider with the same PKCS#12 key; the client decides the protocol and
 * cipher suite (TLS 1.3, AES-128-GCM). A process entry point: one server per JVM.
 */
public final class TlsServerMain {

    /** The servers this class starts. */
    public static final List<String> SERVERS = List.of("niows", "niows-plain", "netty", "netty-plain", "jetty");

    private TlsServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: TlsServerMain <" + String.join("|", SERVERS) + "> <threads> <p12> <password>");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[1]);
        Path keystore = Path.of(args[2]);
        char[] password = args[3].toCharArray();
        int port = switch (args[0]) {
            case "niows" -> niows(threads, TlsContexts.fromPkcs12(keystore, password));
            case "niows-plain" -> niows(threads, null);
            case "netty" -> netty(threads, keystore, password);
            case "netty-plain" -> netty(threads, null, null);
            case "jetty" -> jetty(threads, keystore, args[3]);
            default -> throw new IllegalArgumentException("unknown server: " + args[0]);
        };
        System.out.println("LISTENING " + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static int niows(int threads, SSLContext tls) throws Exception {
        WebSocketServer.Builder b = WebSocketServer.builder().host("127.0.0.1").port(0).loops(threads)
                .maxFrameSize(BenchServer.MAX_MESSAGE).maxMessageSize(BenchServer.MAX_MESSAGE)
                .maxConnections(1_000_000).maxHandshakesInProgress(1_000_000)
                .route("/", new WebSocketHandler() {
                    @Override
                    public void onText(WebSocket ws, String text) {
                        ws.sendText(text);
                    }

                    @Override
                    public void onBinary(WebSocket ws, ByteBuffer data) {
                        ws.sendBinary(data);
                    }
                });
        return (tls == null ? b : b.tls(tls)).build().start().port();
    }

    /** Netty as the plain comparison runs it (flush per read), with {@code SslHandler} first when given a keystore. */
    private static int netty(int threads, Path keystore, char[] password) throws Exception {
        SslContext ssl = null;
        if (keystore != null) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            ssl = SslContextBuilder.forServer(keys).sslProvider(SslProvider.JDK).build();
        }
        SslContext sslContext = ssl;
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        ChannelGroup members = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/").checkStartsWith(true).maxFramePayloadLength(BenchServer.MAX_MESSAGE).build();
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (sslContext != null) {
                            p.addLast(sslContext.newHandler(ch.alloc()));
                        }
                        p.addLast(new HttpServerCodec());
                        p.addLast(new HttpObjectAggregator(65536));
                        p.addLast(new WebSocketServerProtocolHandler(config));
                        p.addLast(new NettyFrameHandler(members, false));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    private static int jetty(int threads, Path keystore, String password) throws Exception {
        Server server = new Server();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keystore.toString());
        ssl.setKeyStorePassword(password);
        ssl.setKeyStoreType("PKCS12");
        ssl.setSniRequired(false);
        ServerConnector connector = new ServerConnector(server, 1, threads,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setMaxBinaryMessageSize(BenchServer.MAX_MESSAGE);
            container.setMaxTextMessageSize(BenchServer.MAX_MESSAGE);
            container.setMaxFrameSize(BenchServer.MAX_MESSAGE);
            container.setIdleTimeout(Duration.ofHours(1));
            container.addMapping("/", (request, response, callback) -> new JettyEchoEndpoint());
        });
        context.setHandler(upgrade);
        server.setHandler(context);
        server.start();
        return connector.getLocalPort();
    }
}
