package io.niows.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of real heads, fed in random chunks: the parsers answer a head, "need more" or
 * an {@link HttpError}, and nothing else, whatever the bytes.
 */
class HeadParsersFuzzTest {

    private static final int ROUNDS = 3000;
    private static final HandshakeLimits SMALL = HandshakeLimits.defaults()
            .withMaxHeadSize(700).withMaxRequestLineLength(120).withMaxHeaderCount(12);

    @Test
    void requestParserOnlyEverAnswersAHeadNullOrHttpError() {
        byte[] seed = Heads.ascii(Heads.CHROME_REQUEST);
        Random random = new Random(6455);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = mutate(seed, random);
            HttpRequestParser parser = new HttpRequestParser(SMALL);
            feed(input, random, in -> parser.parse(in) != null);
        }
    }

    @Test
    void responseParserOnlyEverAnswersAHeadNullOrHttpError() {
        byte[] seed = Heads.ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");
        Random random = new Random(1455);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = mutate(seed, random);
            HttpResponseParser parser = new HttpResponseParser(SMALL);
            feed(input, random, in -> parser.parse(in) != null);
        }
    }

    private interface Step {
        boolean complete(ByteBuffer in) throws HttpError;
    }

    private static void feed(byte[] input, Random random, Step step) {
        ByteBuffer all = ByteBuffer.wrap(input);
        try {
            while (all.hasRemaining()) {
                ByteBuffer chunk = all.slice().limit(Math.min(all.remaining(), 1 + random.nextInt(64)));
                boolean complete = step.complete(chunk);
                all.position(all.position() + chunk.position());
                if (complete) {
                    return;
                }
                assertThat(chunk.hasRemaining()).as("an incomplete head consumes all input").isFalse();
            }
        } catch (HttpError expected) {
            assertThat(expected.status()).isBetween(400, 599);
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] copy = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }
}
