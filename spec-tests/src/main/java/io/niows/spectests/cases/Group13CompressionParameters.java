package io.niows.spectests.cases;

import io.niows.spectests.deflate.DeflateOffer;
import io.niows.spectests.deflate.ServerAccept;
import io.niows.spectests.deflate.ServerAccept.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Autobahn group 13, "WebSocket Compression (different parameters)": the JSON data set with the
 * seven pairs of client offers and server accept rules of {@code case12_x_x.py}
 * ({@code DEFLATE_PARAMS}), 18 cases each. The window of 8 bits is Autobahn's value as its case
 * file has it. Stateless; safe from any thread.
 */
public final class Group13CompressionParameters {
    /** (client offers, server accept) per subgroup 13.1 to 13.7, as (requestNoContextTakeover, requestMaxWindowBits). */
    private static final List<List<DeflateOffer>> OFFERS = List.of(
            List.of(DeflateOffer.autobahn(false, 0)),
            List.of(DeflateOffer.autobahn(true, 0)),
            List.of(DeflateOffer.autobahn(false, 8)),
            List.of(DeflateOffer.autobahn(false, 15)),
            List.of(DeflateOffer.autobahn(true, 8)),
            List.of(DeflateOffer.autobahn(true, 15)),
            List.of(DeflateOffer.autobahn(true, 8), DeflateOffer.autobahn(true, 0), DeflateOffer.autobahn(false, 0)));
    private static final List<ServerAccept> ACCEPTS = List.of(
            ServerAccept.of(new Rule(false, 0)),
            ServerAccept.of(new Rule(true, 0)),
            ServerAccept.of(new Rule(false, 8)),
            ServerAccept.of(new Rule(false, 15)),
            ServerAccept.of(new Rule(true, 8)),
            ServerAccept.of(new Rule(true, 15)),
            ServerAccept.of(new Rule(true, 8), new Rule(true, 0), new Rule(false, 0)));

    private Group13CompressionParameters() {
    }

    /** The 126 cases; each sends at most {@code countLimit} messages (Autobahn: 1000). */
    public static List<FuzzCase> cases(int countLimit) {
        List<FuzzCase> out = new ArrayList<>();
        for (int j = 0; j < OFFERS.size(); j++) {
            out.addAll(CompressionCase.subgroup("13." + (j + 1), CompressionData.JSON, OFFERS.get(j), ACCEPTS.get(j),
                    "permessage-deflate " + offersDescription(j), countLimit));
        }
        return out;
    }

    /** Autobahn's subcategory titles. */
    public static Map<String, String> subcategories() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int j = 0; j < OFFERS.size(); j++) {
            m.put("13." + (j + 1), CompressionData.JSON.title() + " - " + offersDescription(j)
                    + " / server accept (requestNoContextTakeover, requestMaxWindowBits): " + ACCEPTS.get(j).describe());
        }
        return m;
    }

    private static String offersDescription(int j) {
        List<String> tuples = new ArrayList<>();
        OFFERS.get(j).forEach(o -> tuples.add(o.autobahnTuple()));
        return "client offers (requestNoContextTakeover, requestMaxWindowBits): [" + String.join(", ", tuples) + "]";
    }
}
