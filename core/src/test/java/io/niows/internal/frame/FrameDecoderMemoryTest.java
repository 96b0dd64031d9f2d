package io.niows.internal.frame;

import static io.niows.protocol.TestFrames.RFC_KEY;
import static io.niows.protocol.TestFrames.concat;
import static io.niows.protocol.TestFrames.frameWithLength;
import static org.assertj.core.api.Assertions.assertThat;

import io.niows.protocol.RecordingListener;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decoder holds memory in proportion to the bytes that arrived, never to a declared length:
 * a peer that announces a large message and sends a few bytes must not make the server allocate
 * the whole message (the attack that once drove a server to 5 GB with 4 KB of input).
 */
class FrameDecoderMemoryTest {

    private static final long LIMIT = 16L << 20;
    private static final int BINARY_FIN = 0x82;

    private final List<ByteBuffer> delivered = new java.util.ArrayList<>();
    private final RecordingListener listener = new RecordingListener() {
        @Override
        public void onBinary(ByteBuffer data) {
            delivered.add(data);
        }
    };
    private final FrameDecoder decoder = new FrameDecoder(true, LIMIT, LIMIT, listener);

    @Test
    void aDeclaredLengthAllocatesNothingBeforeItsPayloadArrives() {
        byte[] headerAndTenBytes = frameWithLength(BINARY_FIN, LIMIT - 1, new byte[10], RFC_KEY);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();

        long before = threads.getThreadAllocatedBytes(threadId);
        decoder.decode(ByteBuffer.wrap(headerAndTenBytes));
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertThat(allocated).as("bytes allocated for 10 bytes of a 16 MiB message").isLessThan(1 << 20);
        assertThat(decoder.heldBytes()).isLessThanOrEqualTo(8 * 1024);
    }

    @Test
    void heldBytesGrowWithArrivingPayloadAtMostEightTimesWhatArrived() {
        byte[] payload = new byte[1 << 20];
        Arrays.fill(payload, (byte) 7);
        byte[] frame = frameWithLength(BINARY_FIN, LIMIT - 1, payload, RFC_KEY);
        int headerLength = frame.length - payload.length;

        feedInChunks(frame, 1000, arrived -> assertThat(decoder.heldBytes())
                .isLessThanOrEqualTo(Math.max(8 * 1024, 8L * (arrived - headerLength))));
    }

    /**
     * A large frame arriving in a few reads is not copied to grow: once an eighth of it is in,
     * its buffer is taken at its exact size, from the configured source.
     */
    @Test
    void aLargeFrameArrivingInFourReadsTakesOneBufferOfItsExactSize() {
        byte[] payload = new byte[1 << 20];
        Arrays.fill(payload, (byte) 3);
        byte[] frame = frameWithLength(BINARY_FIN, payload.length, payload, RFC_KEY);
        List<Integer> taken = new java.util.ArrayList<>();
        decoder.takeMessageBuffersFrom(size -> {
            taken.add(size);
            return ByteBuffer.allocate(size);
        });

        feedInChunks(frame, 256 * 1024, arrived -> { });

        assertThat(taken).containsExactly(payload.length);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).remaining()).isEqualTo(payload.length);
        assertThat(delivered.get(0).get(payload.length - 1)).isEqualTo((byte) 3);
    }

    @Test
    void aOneFrameMessageArrivingWholeIsAllocatedOnceAtItsExactSize() {
        byte[] payload = new byte[100_000];
        Arrays.fill(payload, (byte) 1);

        decoder.decode(ByteBuffer.wrap(frameWithLength(BINARY_FIN, payload.length, payload, RFC_KEY)));

        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).remaining()).isEqualTo(payload.length);
        assertThat(delivered.get(0).capacity()).isEqualTo(payload.length);
        assertThat(decoder.heldBytes()).isZero();
    }

    @Test
    void aFragmentedMessageTricklingInIsDeliveredWhole() {
        byte[] first = new byte[5000];
        byte[] second = new byte[7000];
        Arrays.fill(first, (byte) 1);
        Arrays.fill(second, (byte) 2);
        byte[] wire = concat(frameWithLength(0x02, first.length, first, RFC_KEY),
                frameWithLength(0x80, second.length, second, RFC_KEY));

        feedInChunks(wire, 3, arrived -> { });

        assertThat(delivered).hasSize(1);
        ByteBuffer message = delivered.get(0);
        assertThat(message.remaining()).isEqualTo(12_000);
        assertThat(message.get(4999)).isEqualTo((byte) 1);
        assertThat(message.get(5000)).isEqualTo((byte) 2);
    }

    @Test
    void anEmptyMessageIsDelivered() {
        decoder.decode(ByteBuffer.wrap(frameWithLength(BINARY_FIN, 0, new byte[0], RFC_KEY)));

        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).remaining()).isZero();
    }

    /** Feeds {@code wire} in reads of {@code chunk} bytes, keeping unconsumed header bytes as a socket reader does. */
    private void feedInChunks(byte[] wire, int chunk, java.util.function.IntConsumer afterEachRead) {
        byte[] leftover = new byte[0];
        for (int i = 0; i < wire.length; i += chunk) {
            byte[] read = Arrays.copyOfRange(wire, i, Math.min(wire.length, i + chunk));
            ByteBuffer in = ByteBuffer.wrap(concat(leftover, read));
            decoder.decode(in);
            leftover = new byte[in.remaining()];
            in.get(leftover);
            afterEachRead.accept(Math.min(wire.length, i + chunk));
        }
    }
}
