package io.niows.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.niows.internal.handshake.HandshakeLimits;
import io.niows.internal.handshake.HttpError;
import io.niows.internal.handshake.HttpResponseHead;
import io.niows.internal.handshake.HttpResponseParser;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link HttpResponseParser}, the client's side of the opening
 * handshake: whatever the server sends, the parser answers a head, "need more" or an
 * {@link HttpError}; the same bytes in any chunks give the same answer; a head is within the
 * {@link HandshakeLimits}, and "need more" never holds more than the head limit; the parser
 * allocates in proportion to its input; and a head written out again parses to the same head.
 *
 * <p>Settings byte ({@link FuzzInput}): bits 0-1 the {@link HeadLimits}. Without
 * {@code JAZZER_FUZZ} set, this runs the committed inputs only.
 */
class HttpResponseParserFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        FuzzInput input = FuzzInput.parse(data);
        HandshakeLimits limits = HeadLimits.of(input.setting(0, 2));
        byte[] head = input.payload();

        HeadOutcome<HttpResponseHead> whole = parse(limits, List.of(head));
        HeadOutcome<HttpResponseHead> chunked = parse(limits, input.chunks());
        assertThat(chunked.summary()).as("the same bytes in chunks").isEqualTo(whole.summary());

        long before = Allocations.byCurrentThread();
        parse(limits, List.of(head));
        assertThat(Allocations.byCurrentThread() - before).as("bytes allocated")
                .isLessThanOrEqualTo(HeadLimits.allocationAllowance(head));

        if (whole.error() == null && whole.parsed() == null) {
            assertThat(head.length).as("bytes held for \"need more\"").isLessThanOrEqualTo(limits.maxHeadSize());
        } else if (whole.parsed() != null) {
            HttpResponseHead response = whole.parsed();
            assertThat(whole.consumed()).as("head size").isLessThanOrEqualTo(limits.maxHeadSize());
            assertThat(statusLine(response).length()).as("status line").isLessThanOrEqualTo(limits.maxRequestLineLength());
            assertThat(response.headerMap().values().stream().mapToInt(List::size).sum()).as("header lines")
                    .isLessThanOrEqualTo(limits.maxHeaderCount());
            byte[] again = writtenOut(response);
            HeadOutcome<HttpResponseHead> reparsed = parse(HeadLimits.UNBOUNDED, List.of(again));
            assertThat(reparsed.summary()).as("the head written out again")
                    .isEqualTo("head of " + again.length + " bytes: " + canonical(response));
        }
    }

    private static HeadOutcome<HttpResponseHead> parse(HandshakeLimits limits, List<byte[]> chunks) {
        HttpResponseParser parser = new HttpResponseParser(limits);
        return HeadOutcome.feed(chunks, parser::parse, HttpResponseParserFuzzTest::canonical);
    }

    private static String canonical(HttpResponseHead head) {
        return statusLine(head) + " " + head.headerMap();
    }

    /** The status line without its reason's absence normalised: "HTTP/1.1 101" or "HTTP/1.1 101 x". */
    private static String statusLine(HttpResponseHead head) {
        String line = head.version() + " " + String.format("%03d", head.status());
        return head.reason().isEmpty() ? line : line + " " + head.reason();
    }

    private static byte[] writtenOut(HttpResponseHead head) {
        StringBuilder out = new StringBuilder(statusLine(head)).append("\r\n");
        head.headerMap().forEach((name, values) -> values.forEach(
                value -> out.append(name).append(": ").append(value).append("\r\n")));
        return out.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
