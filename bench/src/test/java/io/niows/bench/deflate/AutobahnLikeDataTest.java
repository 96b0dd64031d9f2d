package io.niows.bench.deflate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The five data sets: Autobahn's sizes, the same bytes every time, and each compressing as its kind does. */
class AutobahnLikeDataTest {

    private static double ratio(byte[] data) {
        Deflater d = new Deflater(6, true);
        try {
            d.setInput(data);
            d.finish();
            byte[] out = new byte[data.length + 1024];
            return d.deflate(out) / (double) data.length;
        } finally {
            d.end();
        }
    }

    @Test
    void eachSetHasItsSizeIsRepeatableAndCompressesAsItsKind() {
        assertThat(AutobahnLikeData.JSON.bytes()).hasSize(194_056).isEqualTo(AutobahnLikeData.JSON.bytes());
        assertThat(AutobahnLikeData.BITMAP.bytes()).hasSize(263_222).startsWith('B', 'M');
        assertThat(AutobahnLikeData.PDF.bytes()).hasSize(1_042_328).startsWith("%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        assertThat(ratio(AutobahnLikeData.JSON.bytes())).isLessThan(0.4);
        assertThat(ratio(AutobahnLikeData.HTML.bytes())).isLessThan(0.4);
        assertThat(ratio(AutobahnLikeData.VERSE.bytes())).isLessThan(0.5);
        assertThat(ratio(AutobahnLikeData.BITMAP.bytes())).isBetween(0.5, 0.98);
        assertThat(ratio(AutobahnLikeData.PDF.bytes())).isGreaterThan(0.95);
    }

    @Test
    void messagesAreConsecutiveSlicesThatWrapAround() {
        byte[] data = {1, 2, 3, 4, 5};
        assertThat(AutobahnLikeData.slice(data, 2, 0)).containsExactly(1, 2);
        assertThat(AutobahnLikeData.slice(data, 2, 2)).containsExactly(5, 1);
        assertThat(AutobahnLikeData.slice(data, 2, 3)).containsExactly(2, 3);
    }
}
