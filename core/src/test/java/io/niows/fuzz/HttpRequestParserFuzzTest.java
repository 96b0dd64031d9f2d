package io.niows.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.niows.internal.handshake.HandshakeLimits;
import io.niows.internal.handshake.HeadWriter;
import io.niows.internal.handshake.HttpError;
import io.niows.internal.handshake.HttpRequest;
import io.niows.internal.handshake.HttpRequestParser;
import io.niows.internal.handshake.HttpResponseHead;
import io.niows.internal.handshake.HttpResponseParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link HttpRequestParser}: whatever the bytes, it answers a request,
 * "need more" or an {@link HttpError} whose response is itself a well-formed HTTP response with
 * that status; the same bytes in any chunks give the same answer; a request is within the
 * {@link HandshakeLimits}, and "need more" never holds more than the head limit; the parser
 * allocates in proportion to its input; and a request written out again parses to the same
 * request.
 *
 * <p>Settings byte ({@link FuzzInput}): bits 0-1 the {@link HeadLimits}. Without
 * {@code JAZZER_FUZZ} set, this runs the committed inputs only.
 */
class HttpRequestParserFuzzTest {

    @FuzzTest
    void parse(byte[] data) throws HttpError {
        FuzzInput input = FuzzInput.parse(data);
        HandshakeLimits limits = HeadLimits.of(input.setting(0, 2));
        byte[] head = input.payload();

        HeadOutcome<HttpRequest> whole = parse(limits, List.of(head));
        HeadOutcome<HttpRequest> chunked = parse(limits, input.chunks());
        assertThat(chunked.summary()).as("the same bytes in chunks").isEqualTo(whole.summary());

        long before = Allocations.byCurrentThread();
        parse(limits, List.of(head));
        assertThat(Allocations.byCurrentThread() - before).as("bytes allocated")
                .isLessThanOrEqualTo(HeadLimits.allocationAllowance(head));

        if (whole.error() != null) {
            HttpResponseHead response = new HttpResponseParser(HeadLimits.UNBOUNDED)
                    .parse(HeadWriter.response(whole.error().status()).finish());
            assertThat(response.status()).as("the error response's status").isEqualTo(whole.error().status());
        } else if (whole.parsed() == null) {
            assertThat(head.length).as("bytes held for \"need more\"").isLessThanOrEqualTo(limits.maxHeadSize());
        } else {
            checkWithinLimits(whole.parsed(), whole.consumed(), limits);
            byte[] again = whole.parsed().toHead().getBytes(StandardCharsets.ISO_8859_1);
            HeadOutcome<HttpRequest> reparsed = parse(HeadLimits.UNBOUNDED, List.of(again));
            assertThat(reparsed.summary()).as("the request written out again")
                    .isEqualTo("head of " + again.length + " bytes: " + canonical(whole.parsed()));
        }
    }

    private static HeadOutcome<HttpRequest> parse(HandshakeLimits limits, List<byte[]> chunks) {
        HttpRequestParser parser = new HttpRequestParser(limits);
        return HeadOutcome.feed(chunks, parser::parse, HttpRequestParserFuzzTest::canonical);
    }

    private static String canonical(HttpRequest request) {
        return request.method() + " " + request.target() + " " + request.version() + " " + request.headerMap();
    }

    private static void checkWithinLimits(HttpRequest request, int consumed, HandshakeLimits limits) {
        assertThat(consumed).as("head size").isLessThanOrEqualTo(limits.maxHeadSize());
        int requestLine = request.method().length() + request.target().length() + request.version().length() + 2;
        assertThat(requestLine).as("request line").isLessThanOrEqualTo(limits.maxRequestLineLength());
        int headerLines = request.headerMap().values().stream().mapToInt(List::size).sum();
        assertThat(headerLines).as("header lines").isLessThanOrEqualTo(limits.maxHeaderCount());
    }
}
