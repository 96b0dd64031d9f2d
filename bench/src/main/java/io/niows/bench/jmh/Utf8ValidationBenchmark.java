package io.niows.bench.jmh;

import io.niows.internal.frame.Utf8Validator;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validating 4 KiB of UTF-8 (RFC 6455 §8.1: a text message that is not valid UTF-8 fails the
 * connection): niows' table-driven {@link Utf8Validator} against the JDK's strict
 * {@link CharsetDecoder} (REPORT on malformed input), which must also produce the chars.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Utf8ValidationBenchmark {

    private static final int SIZE = 4096;

    /** ascii: English text; latin-cjk: accented Latin and CJK (2 and 3 bytes); emoji: mostly 4 bytes. */
    @Param({"ascii", "latin-cjk", "emoji"})
    public String text;

    private ByteBuffer bytes;
    private final Utf8Validator validator = new Utf8Validator();
    private final CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(SIZE);

    @Setup
    public void setUp() {
        String unit = switch (text) {
            case "ascii" -> "The quick brown fox jumps over the lazy dog. ";
            case "latin-cjk" -> "Grüße aus Köln, 日本語のテキスト, déjà vu; ";
            default -> "😀🎉🚀 ok 🌍✨ ";
        };
        StringBuilder sb = new StringBuilder();
        while (sb.toString().getBytes(StandardCharsets.UTF_8).length < SIZE) {
            sb.append(unit);
        }
        byte[] utf8 = sb.toString().getBytes(StandardCharsets.UTF_8);
        int end = SIZE;
        while ((utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        bytes = ByteBuffer.wrap(utf8, 0, end).slice();
    }

    @Benchmark
    public boolean niowsValidator() {
        validator.reset();
        return validator.feed(bytes, 0, bytes.limit()) < 0 && validator.isComplete();
    }

    @Benchmark
    public boolean jdkCharsetDecoder() throws CharacterCodingException {
        jdk.reset();
        chars.clear();
        CoderResult r = jdk.decode(bytes.duplicate(), chars, true);
        if (r.isError()) {
            r.throwException();
        }
        return jdk.flush(chars).isUnderflow();
    }
}
