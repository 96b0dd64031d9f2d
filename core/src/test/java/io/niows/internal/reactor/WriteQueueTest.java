package io.niows.internal.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The write queue hands the kernel every byte once, in order, whatever each write takes. */
class WriteQueueTest {

    /** A channel that takes at most a random number of bytes per write, sometimes none. */
    private static final class StingyChannel implements WritableByteChannel {
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

    @ParameterizedTest(name = "at most {0} bytes per write")
    @ValueSource(ints = {1, 7, 100, 5000, 200_000})
    void everyByteGoesOutOnceInOrderAndCallbacksFireWhenTheirFrameIsOut(int most) throws Exception {
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
            queue.writeTo(channel, staging, (context, failure) -> ((Runnable) context).run());
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
                queue.writeTo(channel, staging, (context, failure) -> {
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
}
