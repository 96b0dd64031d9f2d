package io.niows.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.niows.internal.frame.Utf8Validator;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link Utf8Validator} against the JDK's strict UTF-8 decoder: the
 * same verdict on every byte string, fed in any chunks; the reported index is the very byte after
 * which no valid continuation exists (what lets a text message fail fast, RFC 6455 §8.1); and
 * {@code isAscii} is true exactly for ASCII.
 *
 * <p>Settings byte ({@link FuzzInput}): bit 0 set feeds a direct buffer instead of a heap one.
 * Without {@code JAZZER_FUZZ} set, this runs the committed inputs only.
 */
class Utf8ValidatorFuzzTest {

    /** Continuation bytes covering every range Unicode Table 3-7 allows after a lead byte. */
    private static final byte[] TAIL_CHOICES = {(byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0xA0, (byte) 0xBF};
    private static final int MAX_TAIL = 3;

    @FuzzTest
    void validate(byte[] data) {
        FuzzInput input = FuzzInput.parse(data);
        byte[] text = input.payload();
        BufferKind kind = input.setting(0, 1) == 0 ? BufferKind.HEAP : BufferKind.DIRECT;

        Verdict whole = validate(kind.wrap(text), List.of(text));
        Verdict chunked = validate(kind.wrap(text), input.chunks());
        assertThat(chunked).as("the same bytes in chunks").isEqualTo(whole);

        assertThat(whole.bad() < 0 && whole.complete()).as("valid UTF-8, as the JDK says")
                .isEqualTo(jdkAccepts(text));
        if (whole.bad() < 0) {
            assertThat(canStillBeValid(text)).as("no byte broke it").isTrue();
        } else {
            assertThat(canStillBeValid(Arrays.copyOf(text, whole.bad()))).as("valid before the reported byte").isTrue();
            assertThat(canStillBeValid(Arrays.copyOf(text, whole.bad() + 1))).as("invalid with it").isFalse();
        }
        if (whole.bad() < 0 && whole.complete()) {
            assertThat(whole.ascii()).as("isAscii").isEqualTo(isAscii(text));
        }
    }

    /** The first bad index (or -1), then whether the input ended between characters and was ASCII. */
    record Verdict(int bad, boolean complete, boolean ascii) {}

    private static Verdict validate(ByteBuffer buffer, List<byte[]> chunks) {
        Utf8Validator validator = new Utf8Validator();
        int from = 0;
        int bad = -1;
        for (byte[] chunk : chunks) {
            bad = validator.feed(buffer, from, from + chunk.length);
            if (bad >= 0) {
                return new Verdict(bad, false, false);
            }
            from += chunk.length;
        }
        return new Verdict(bad, validator.isComplete(), validator.isAscii());
    }

    private static boolean jdkAccepts(byte[] bytes) {
        CharsetDecoder decoder = strictDecoder();
        CharBuffer out = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return !decoder.decode(in, out, true).isError() && !decoder.flush(out).isError() && !in.hasRemaining();
    }

    /**
     * Whether some bytes can follow {@code prefix} to make it valid UTF-8, as the JDK judges: it
     * decodes what it can, and the incomplete sequence it stops at (3 bytes at most) is tried
     * with every continuation of up to three bytes.
     */
    private static boolean canStillBeValid(byte[] prefix) {
        ByteBuffer in = ByteBuffer.wrap(prefix);
        CoderResult result = strictDecoder().decode(in, CharBuffer.allocate(prefix.length), false);
        if (result.isError()) {
            return false;
        }
        byte[] incomplete = Arrays.copyOfRange(prefix, in.position(), prefix.length);
        return incomplete.length <= MAX_TAIL && completes(incomplete, new byte[0]);
    }

    private static boolean completes(byte[] incomplete, byte[] tail) {
        byte[] candidate = Arrays.copyOf(incomplete, incomplete.length + tail.length);
        System.arraycopy(tail, 0, candidate, incomplete.length, tail.length);
        if (jdkAccepts(candidate)) {
            return true;
        }
        if (tail.length == MAX_TAIL) {
            return false;
        }
        for (byte next : TAIL_CHOICES) {
            byte[] longer = Arrays.copyOf(tail, tail.length + 1);
            longer[tail.length] = next;
            if (completes(incomplete, longer)) {
                return true;
            }
        }
        return false;
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
