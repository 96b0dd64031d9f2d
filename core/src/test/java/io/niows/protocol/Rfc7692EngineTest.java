package io.niows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * permessage-deflate between a client's engine and a server's engine in memory (RFC 7692): for
 * every combination of what the server keeps and asks and what the client offers, both ends agree
 * on the same parameters, and messages of every size and kind cross both ways intact, in order.
 */
class Rfc7692EngineTest {

    static Stream<Arguments> settings() {
        List<Arguments> all = new ArrayList<>();
        PerMessageDeflate server = PerMessageDeflate.serverDefaults();
        PerMessageDeflate client = PerMessageDeflate.clientDefaults();
        for (boolean serverKeeps : new boolean[] {false, true}) {
            for (boolean asksClient : new boolean[] {false, true}) {
                PerMessageDeflate s = server.withServerNoContextTakeover(!serverKeeps).withClientNoContextTakeover(asksClient);
                all.add(Arguments.of(s, client));
                all.add(Arguments.of(s, client.withClientNoContextTakeover(true)));
                all.add(Arguments.of(s, client.withServerNoContextTakeover(true).withServerMaxWindowBits(9)));
                all.add(Arguments.of(s.withServerMaxWindowBits(10).withClientMaxWindowBits(8),
                        client.withClientMaxWindowBits(12)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "server {0}, client {1}")
    @MethodSource("settings")
    void bothEndsAgreeAndEveryMessageCrossesIntact(PerMessageDeflate serverSettings, PerMessageDeflate clientSettings) {
        HandshakeRequest request = HandshakeRequest.client("h", 80, "/", List.of(), List.of(), clientSettings);
        EnginePair pair = new EnginePair(request, EngineConfig.server().withDeflate(serverSettings),
                r -> HandshakeAnswer.accept(null)).connect();
        assertThat(pair.client.engine.extensions()).isNotNull().isEqualTo(pair.server.engine.extensions());

        Random random = new Random(7692);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String text = text(random, new int[] {0, 10, 63, 64, 200, 5000, 70_000}[i % 7]);
            pair.client.engine.sendText(text);
            pair.server.engine.sendText(text);
            expected.add("text:" + text);
        }
        pair.pump();
        assertThat(pair.server.listener.events()).containsSubsequence(expected);
        assertThat(pair.client.listener.events()).containsSubsequence(expected);
        assertThat(pair.server.listener.violations()).isEmpty();
        assertThat(pair.client.listener.violations()).isEmpty();
    }

    @Test
    void aClientThatAsksNoContextUsesNoneEvenWhenTheServerDoesNotEchoIt() throws Exception {
        HandshakeRequest request = HandshakeRequest.client("h", 80, "/", List.of(), List.of(),
                PerMessageDeflate.clientDefaults().withClientNoContextTakeover(true));
        EngineHarness client = EngineHarness.handshakingClient(request);
        client.engine.start();
        client.receive(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(request.header("Sec-WebSocket-Key")) + "\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(client.engine.extensions()).isEqualTo("permessage-deflate");
        String text = "the same long message, twice over, the same long message ".repeat(4);
        client.engine.sendText(text);
        client.engine.sendText(text);
        List<String> frames = client.sentFrames();
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).as("compressed: RSV1").endsWith("+rsv1+masked");
        assertThat(frames.get(1)).as("no context: the second compresses as the first did").isEqualTo(frames.get(0));
    }

    private static String accept(String key) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-1")
                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
        return Base64.getEncoder().encodeToString(digest);
    }

    private static String text(Random random, int size) {
        String[] words = {"alpha ", "beta ", "gamma ", "delta ", "héllo ", "😀 ", "{\"k\":1} "};
        StringBuilder out = new StringBuilder();
        while (out.length() < size) {
            out.append(words[random.nextInt(words.length)]);
        }
        return out.substring(0, size).replaceAll("[\\uD800-\\uDBFF]$", "");
    }
}
