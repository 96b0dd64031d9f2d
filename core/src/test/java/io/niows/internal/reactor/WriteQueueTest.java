package io.niows.internal.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The write queue hands the kernel every byte once, in order, whatever each write takes. */
class WriteQueueTest {

    /** A channel that takes at most a random number of bytes per write, sometimes none. */
    private static class StingyChannel implements WritableByteChannel {
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        final Random random;
        final int most;

        StingyChannel(long seed, int most) {
            this.random = new Random(seed);
            this.most = most;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = Math.min(src.remaining(), random.nextInt(most + 1));
            for (int i = 0; i < n; i++) {
                taken.write(src.get());
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** A stingy channel that keeps every buffer it was offered. */
    private static final class RecordingChannel extends StingyChannel {
        final List<ByteBuffer> offered = new ArrayList<>();

        RecordingChannel(long seed, int most) {
            super(seed, most);
        }

        @Override
        public int write(ByteBuffer src) {
            offered.add(src);
            return super.write(src);
        }
    }

    @ParameterizedTest(name = "at most {0} bytes per write, to a socket: {1}")
    @CsvSource({"1, true", "7, true", "100, true", "5000, true", "200000, true", "5000, false", "200000, false"})
    void everyByteGoesOutOnceInOrderAndCallbacksFireWhenTheirFrameIsOut(int most, boolean socket) throws Exception {
        Random random = new Random(most);
        WriteQueue queue = new WriteQueue();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        List<Long> callbackMarks = new ArrayList<>();
        List<Long> firedAt = new ArrayList<>();
        StingyChannel channel = new StingyChannel(most, most);
        long total = 0;
        for (int i = 0; i < 300; i++) {
            int size = random.nextInt(10) == 0 ? 70_000 + random.nextInt(10_000) : 1 + random.nextInt(300);
            byte[] frame = new byte[size];
            random.nextBytes(frame);
            expected.writeBytes(frame);
            total += size;
            ByteBuffer buffer = random.nextBoolean()
                    ? ByteBuffer.wrap(frame) : ByteBuffer.allocateDirect(size).put(frame).flip();
            if (i % 7 == 0) {
                long mark = total;
                callbackMarks.add(mark);
                Runnable fire = () -> firedAt.add(channel.taken.size() >= mark ? mark : -mark);
                queue.add(buffer, fire);
            } else {
                queue.add(buffer, null);
            }
        }
        ByteBuffer staging = ByteBuffer.allocateDirect(64 * 1024);
        int rounds = 0;
        while (!queue.isEmpty() && rounds++ < 10_000_000) {
            queue.writeTo(channel, staging, socket, (context, failure) -> ((Runnable) context).run());
        }
        assertThat(queue.size()).isZero();
        assertThat(channel.taken.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(firedAt).isEqualTo(callbackMarks);
    }

    /** The loop hands an emptied queue to the next connection that queues: it must serve it as a new one. */
    @ParameterizedTest(name = "at most {0} bytes per write")
    @ValueSource(ints = {1, 100, 200_000})
    void anEmptiedQueueServesItsNextFramesAsANewOne(int most) throws Exception {
        WriteQueue queue = new WriteQueue();
        ByteBuffer staging = ByteBuffer.allocateDirect(64 * 1024);
        for (int use = 0; use < 3; use++) {
            StingyChannel channel = new StingyChannel(use, most);
            List<String> fired = new ArrayList<>();
            List<Integer> takenWhenFired = new ArrayList<>();
            byte[] a = new byte[1000 + use];
            byte[] b = new byte[90_000];
            new Random(use).nextBytes(a);
            new Random(-use).nextBytes(b);
            queue.add(ByteBuffer.wrap(a), "a");
            queue.add(ByteBuffer.wrap(b), "b");
            assertThat(queue.size()).isEqualTo(a.length + b.length);
            int rounds = 0;
            while (!queue.isEmpty() && rounds++ < 10_000_000) {
                queue.writeTo(channel, staging, true, (context, failure) -> {
                    fired.add((String) context);
                    takenWhenFired.add(channel.taken.size());
                });
            }
            assertThat(queue.size()).isZero();
            assertThat(channel.taken.size()).isEqualTo(a.length + b.length);
            assertThat(fired).as("use %d", use).containsExactly("a", "b");
            assertThat(takenWhenFired.get(0)).as("a fires once its frame is out").isGreaterThanOrEqualTo(a.length)
                    .isLessThan(a.length + b.length);
            assertThat(takenWhenFired.get(1)).isEqualTo(a.length + b.length);
        }
    }

    /**
     * A socket copies a heap buffer's whole remainder into a direct buffer of its own at every
     * write: a large heap frame must reach it through the staging buffer, a part at a time, so
     * that its bytes are copied once, plus what a short write leaves in the staging buffer.
     */
    @Test
    void aLargeHeapFrameReachesASocketThroughTheStagingBufferOnly() throws Exception {
        byte[] payload = new byte[1024 * 1024];
        new Random(1).nextBytes(payload);
        WriteQueue queue = new WriteQueue();
        queue.add(ByteBuffer.wrap(new byte[] {(byte) 0x82, 127, 0, 0, 0, 0, 0, 16, 0, 0}), null);
        queue.add(ByteBuffer.wrap(payload), null);
        RecordingChannel channel = new RecordingChannel(2, 40_000);
        ByteBuffer staging = ByteBuffer.allocateDirect(64 * 1024);
        int rounds = 0;
        while (!queue.isEmpty() && rounds++ < 1_000_000) {
            queue.writeTo(channel, staging, true, (context, failure) -> { });
        }
        assertThat(queue.isEmpty()).isTrue();
        assertThat(channel.offered).allSatisfy(b -> assertThat(b).isSameAs(staging));
        byte[] taken = channel.taken.toByteArray();
        assertThat(Arrays.copyOfRange(taken, 10, taken.length)).isEqualTo(payload);
    }

    /**
     * The TLS stage encrypts from heap buffers without copying them: a large frame goes to it as
     * it is, as long as what is left of it does not fit the staging buffer.
     */
    @Test
    void aLargeHeapFrameGoesAsItIsToAChannelThatIsNotASocket() throws Exception {
        ByteBuffer frame = ByteBuffer.wrap(new byte[200_000]);
        WriteQueue queue = new WriteQueue();
        queue.add(frame, null);
        RecordingChannel channel = new RecordingChannel(3, 50_000);
        int rounds = 0;
        while (!queue.isEmpty() && rounds++ < 1_000_000) {
            queue.writeTo(channel, ByteBuffer.allocateDirect(64 * 1024), false, (context, failure) -> { });
        }
        assertThat(channel.offered.get(0)).isSameAs(frame);
        assertThat(channel.taken.size()).isEqualTo(200_000);
    }
}
