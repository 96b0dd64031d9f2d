package io.niows.spectests.cases;

import io.niows.spectests.deflate.DeflateOffer;
import io.niows.spectests.deflate.ServerAccept;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Autobahn group 12, "WebSocket Compression (different payloads)": 18 cases for each of the five
 * data sets, in Autobahn's order (JSON, bitmap, German text, HTML, PDF), all with Autobahn's
 * default offer ({@code permessage-deflate; client_no_context_takeover; client_max_window_bits})
 * and, as fuzzing server, the first offer accepted as made. Stateless; safe from any thread.
 */
public final class Group12Compression {
    private static final CompressionData[] ORDER = {CompressionData.JSON, CompressionData.BITMAP,
        CompressionData.GERMAN_TEXT, CompressionData.HTML, CompressionData.PDF};

    private Group12Compression() {
    }

    /** The 90 cases; each sends at most {@code countLimit} messages (Autobahn: 1000). */
    public static List<FuzzCase> cases(int countLimit) {
        List<FuzzCase> out = new ArrayList<>();
        for (int j = 0; j < ORDER.length; j++) {
            out.addAll(CompressionCase.subgroup("12." + (j + 1), ORDER[j], List.of(DeflateOffer.autobahn(false, 0)),
                    ServerAccept.of(new ServerAccept.Rule(false, 0)), "default permessage-deflate offer.", countLimit));
        }
        return out;
    }

    /** Autobahn's subcategory titles. */
    public static Map<String, String> subcategories() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int j = 0; j < ORDER.length; j++) {
            m.put("12." + (j + 1), ORDER[j].title());
        }
        return m;
    }
}
