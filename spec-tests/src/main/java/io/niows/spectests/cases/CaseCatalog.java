package io.niows.spectests.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The whole catalogue in Autobahn's order, with Autobahn's selection by patterns
 * ({@code "6.4.*"}, {@code "9.*"}, exact ids) and category names. Immutable; safe from any thread.
 */
public final class CaseCatalog {
    /** Autobahn's CaseCategories. */
    public static final Map<String, String> CATEGORIES = Map.ofEntries(Map.entry("1", "Framing"),
            Map.entry("2", "Pings/Pongs"), Map.entry("3", "Reserved Bits"), Map.entry("4", "Opcodes"),
            Map.entry("5", "Fragmentation"), Map.entry("6", "UTF-8 Handling"), Map.entry("7", "Close Handling"),
            Map.entry("9", "Limits/Performance"), Map.entry("10", "Misc"),
            Map.entry("12", "WebSocket Compression (different payloads)"),
            Map.entry("13", "WebSocket Compression (different parameters)"));

    /** Autobahn's CaseSubCategories of groups 12 and 13 (the data set, and for 13 the offers and answers). */
    public static final Map<String, String> SUBCATEGORIES = subcategories();

    /** The patterns of the permessage-deflate groups, 12 and 13 (for runs that leave them out). */
    public static final List<String> DEFLATE_GROUPS = List.of("12.*", "13.*");

    /** The messages each case of groups 12 and 13 sends in Autobahn's catalogue. */
    public static final int DEFLATE_MESSAGES = 1000;

    private final List<FuzzCase> cases;

    private CaseCatalog(List<FuzzCase> cases) {
        this.cases = List.copyOf(cases);
    }

    /** Every case, with group 9 message sizes multiplied by {@code sizeScale} (1.0 = Autobahn's). */
    public static CaseCatalog all(double sizeScale) {
        return all(sizeScale, DEFLATE_MESSAGES);
    }

    /**
     * Every case, with group 9 message sizes multiplied by {@code sizeScale} and at most
     * {@code deflateMessages} messages per case of groups 12 and 13 (Autobahn: 1000).
     */
    public static CaseCatalog all(double sizeScale, int deflateMessages) {
        List<FuzzCase> all = new ArrayList<>();
        all.addAll(Group1Framing.cases());
        all.addAll(Group2PingPong.cases());
        all.addAll(Group3ReservedBits.cases());
        all.addAll(Group4Opcodes.cases());
        all.addAll(Group5Fragmentation.cases());
        all.addAll(Group6Utf8.cases());
        all.addAll(Group7Close.cases());
        all.addAll(Group9Limits.cases(sizeScale));
        all.addAll(Group10AutoFragmentation.cases());
        all.addAll(Group12Compression.cases(deflateMessages));
        all.addAll(Group13CompressionParameters.cases(deflateMessages));
        all.sort(Comparator.comparing(FuzzCase::id, FuzzCase::compareIds));
        return new CaseCatalog(all);
    }

    public List<FuzzCase> cases() {
        return cases;
    }

    /** The cases matching any include pattern and no exclude pattern, in catalogue order. */
    public List<FuzzCase> select(List<String> include, List<String> exclude) {
        List<FuzzCase> out = new ArrayList<>();
        for (FuzzCase c : cases) {
            if (matches(include, c.id()) && !matches(exclude, c.id())) {
                out.add(c);
            }
        }
        return out;
    }

    /** Cases by id. */
    public Map<String, FuzzCase> byId() {
        Map<String, FuzzCase> m = new LinkedHashMap<>();
        for (FuzzCase c : cases) {
            m.put(c.id(), c);
        }
        return m;
    }

    private static Map<String, String> subcategories() {
        Map<String, String> m = new LinkedHashMap<>(Group12Compression.subcategories());
        m.putAll(Group13CompressionParameters.subcategories());
        return Map.copyOf(m);
    }

    /** Autobahn's pattern rule: '*' is any text, '.' is literal, the id must match whole. */
    static boolean matches(List<String> patterns, String id) {
        for (String p : patterns) {
            String regex = Pattern.quote(p).replace("*", "\\E.*\\Q");
            if (Pattern.matches(regex, id)) {
                return true;
            }
        }
        return false;
    }
}
