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
    public static final Map<String, String> CATEGORIES = Map.of("1", "Framing", "2", "Pings/Pongs",
            "3", "Reserved Bits", "4", "Opcodes", "5", "Fragmentation", "6", "UTF-8 Handling",
            "7", "Close Handling", "9", "Limits/Performance", "10", "Misc");

    private final List<FuzzCase> cases;

    private CaseCatalog(List<FuzzCase> cases) {
        this.cases = List.copyOf(cases);
    }

    /** Every case, with group 9 message sizes multiplied by {@code sizeScale} (1.0 = Autobahn's). */
    public static CaseCatalog all(double sizeScale) {
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
