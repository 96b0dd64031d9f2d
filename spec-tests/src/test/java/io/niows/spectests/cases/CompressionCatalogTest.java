package io.niows.spectests.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.spectests.deflate.DeflateOffer;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Groups 12 and 13 as Autobahn's case12_x_x.py defines them. */
class CompressionCatalogTest {
    private static final CaseCatalog CATALOG = CaseCatalog.all(1.0);

    @Test
    void hasAutobahnsCaseIdsAndCounts() {
        List<FuzzCase> twelve = CATALOG.select(List.of("12.*"), List.of());
        List<FuzzCase> thirteen = CATALOG.select(List.of("13.*"), List.of());
        assertThat(twelve).hasSize(90);
        assertThat(thirteen).hasSize(126);
        assertThat(twelve.get(0).id()).isEqualTo("12.1.1");
        assertThat(twelve.get(89).id()).isEqualTo("12.5.18");
        assertThat(thirteen.get(125).id()).isEqualTo("13.7.18");
        assertThat(CATALOG.cases()).hasSize(301 + 216);
    }

    @Test
    void describesCasesInAutobahnsWords() {
        Map<String, FuzzCase> byId = CATALOG.byId();
        assertThat(byId.get("12.2.11").description()).isEqualTo("Send 1000 compressed messages each of payload size "
                + "8192, auto-fragment to 256 octets. Use default permessage-deflate offer.");
        assertThat(byId.get("12.2.11").expectation())
                .isEqualTo("Receive echo'ed messages (with payload as sent). Timeout case after 480 secs.");
        assertThat(byId.get("13.7.1").description()).isEqualTo("Send 1000 compressed messages each of payload size 16, "
                + "auto-fragment to 0 octets. Use permessage-deflate client offers (requestNoContextTakeover, "
                + "requestMaxWindowBits): [(True, 8), (True, 0), (False, 0)]");
        assertThat(CaseCatalog.SUBCATEGORIES.get("12.3"))
                .isEqualTo("Human readable text, Goethe's Faust I (German) (binary, 222218 bytes)");
        assertThat(CaseCatalog.SUBCATEGORIES.get("13.5")).isEqualTo("Large JSON data file (utf8, 194056 bytes) - "
                + "client offers (requestNoContextTakeover, requestMaxWindowBits): [(True, 8)] / server accept "
                + "(requestNoContextTakeover, requestMaxWindowBits): [(True, 8)]");
    }

    @Test
    void offersWhatEachSubgroupOffers() {
        Map<String, FuzzCase> byId = CATALOG.byId();
        assertThat(byId.get("12.4.3").deflate().clientOffers()).containsExactly(DeflateOffer.autobahn(false, 0));
        assertThat(byId.get("13.2.1").deflate().clientOffers()).containsExactly(DeflateOffer.autobahn(true, 0));
        assertThat(byId.get("13.6.18").deflate().clientOffers()).containsExactly(DeflateOffer.autobahn(true, 15));
        assertThat(byId.get("13.3.9").deflate().serverAccept().describe()).isEqualTo("[(False, 8)]");
        assertThat(byId.get("1.1.1").deflate()).isNull();
    }

    @Test
    void generatesDataSetsOfAutobahnsSizesAndKinds() {
        assertThat(CompressionData.JSON.data()).hasSize(194_056);
        assertThat(CompressionData.BITMAP.data()).hasSize(263_222).startsWith('B', 'M');
        assertThat(CompressionData.GERMAN_TEXT.data()).hasSize(222_218);
        assertThat(CompressionData.HTML.data()).hasSize(263_527);
        assertThat(CompressionData.PDF.data()).hasSize(1_042_328).startsWith('%', 'P', 'D', 'F');
        assertThat(CompressionData.JSON.binary()).isFalse();
        assertThat(CompressionData.GERMAN_TEXT.binary()).isTrue();
        for (byte b : CompressionData.HTML.data()) {
            assertThat(b).isNotNegative();
        }
    }

    @Test
    void dataSetsCompressAsTheirKindsDo() {
        assertThat(ratio(CompressionData.JSON)).isLessThan(0.3);
        assertThat(ratio(CompressionData.HTML)).isLessThan(0.3);
        assertThat(ratio(CompressionData.GERMAN_TEXT)).isLessThan(0.3);
        assertThat(ratio(CompressionData.BITMAP)).isBetween(0.8, 0.9);
        assertThat(ratio(CompressionData.PDF)).isGreaterThan(0.9);
    }

    /** Compressed size over size, zlib level 6, the whole set at once. */
    private static double ratio(CompressionData set) {
        byte[] data = set.data();
        Deflater d = new Deflater(6, true);
        try {
            d.setInput(data);
            d.finish();
            byte[] out = new byte[data.length + 1024];
            return (double) d.deflate(out) / data.length;
        } finally {
            d.end();
        }
    }
}
