package io.niows.spectests.cases;

import io.niows.spectests.deflate.DeflateOffer;
import io.niows.spectests.deflate.ServerAccept;
import io.niows.spectests.engine.SessionFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of the catalogue: its Autobahn id, description and expectation, the script
 * that starts it on an open connection, its time limit, and any adjustment of the verdict
 * the Autobahn case makes after the standard judgement; for groups 12 and 13 also its
 * permessage-deflate offers and answers. Immutable once built; one instance
 * may run on many connections at once (the script keeps its state in locals).
 */
public final class FuzzCase {

    /** Starts the case on an open connection (Autobahn's {@code onOpen}). */
    @FunctionalInterface
    public interface Script {
        void start(CaseContext c);
    }

    /** Changes the judgement afterwards (Autobahn's overridden {@code onConnectionLost}). */
    @FunctionalInterface
    public interface Adjustment {
        void adjust(CaseContext c, SessionFacts facts, Judgement j);
    }

    /**
     * The permessage-deflate negotiation of a case (groups 12 and 13): the offers the fuzzing
     * client makes, and how the fuzzing server answers a client's offers.
     */
    public record Deflate(List<DeflateOffer> clientOffers, ServerAccept serverAccept) {
        public Deflate {
            clientOffers = List.copyOf(clientOffers);
        }
    }

    /** A wrong close code fails the case, not only its close column (groups 7.x). */
    public static final Adjustment WRONG_CODE_FAILS = (c, f, j) -> {
        if (j.behaviorClose == Verdict.WRONG_CODE) {
            j.behavior = Verdict.FAILED;
            j.result = j.resultClose;
        }
    };

    /** The spec leaves the outcome open: report it, do not grade it. */
    public static final Adjustment INFORMATIONAL = (c, f, j) -> {
        j.behavior = Verdict.INFORMATIONAL;
        j.behaviorClose = Verdict.INFORMATIONAL;
    };

    private final String id;
    private final String description;
    private final String expectation;
    private final Script script;
    private final long timeoutMillis;
    private final boolean reportTime;
    private final boolean serial;
    private final boolean reportCompressionRatio;
    private final Deflate deflate;
    private final List<Adjustment> adjustments;

    private FuzzCase(Builder b) {
        this.id = b.id;
        this.description = b.description;
        this.expectation = b.expectation;
        this.script = b.script;
        this.timeoutMillis = b.timeoutMillis;
        this.reportTime = b.reportTime;
        this.serial = b.serial;
        this.reportCompressionRatio = b.reportCompressionRatio;
        this.deflate = b.deflate;
        this.adjustments = List.copyOf(b.adjustments);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public String expectation() {
        return expectation;
    }

    public Script script() {
        return script;
    }

    /** Hard limit for the whole case, after which the connection is failed. */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** Whether the duration is a result worth showing (performance cases). */
    public boolean reportTime() {
        return reportTime;
    }

    /**
     * Whether the verdict depends on timing (how fast the peer answers one frame before it
     * reads the next), so the case must not share the CPU with other cases.
     */
    public boolean serial() {
        return serial || reportTime;
    }

    public List<Adjustment> adjustments() {
        return adjustments;
    }

    /** Whether the compression ratios are a result worth showing (groups 12 and 13). */
    public boolean reportCompressionRatio() {
        return reportCompressionRatio;
    }

    /** The case's permessage-deflate negotiation, or null: the fuzzer then offers and accepts none. */
    public Deflate deflate() {
        return deflate;
    }

    /** The id as numbers, for ordering ("9.10" after "9.9"). */
    public int[] idTuple() {
        String[] parts = id.split("\\.");
        int[] t = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            t[i] = Integer.parseInt(parts[i]);
        }
        return t;
    }

    /** Compares case ids numerically, part by part. */
    public static int compareIds(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** Builds a case; not thread-safe. */
    public static final class Builder {
        private final String id;
        private String description = "";
        private String expectation = "";
        private Script script;
        private long timeoutMillis = 15_000;
        private boolean reportTime;
        private boolean serial;
        private boolean reportCompressionRatio;
        private Deflate deflate;
        private final List<Adjustment> adjustments = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder expectation(String text) {
            this.expectation = text;
            return this;
        }

        public Builder script(Script s) {
            this.script = s;
            return this;
        }

        public Builder timeoutMillis(long millis) {
            this.timeoutMillis = millis;
            return this;
        }

        public Builder reportTime() {
            this.reportTime = true;
            return this;
        }

        public Builder serial() {
            this.serial = true;
            return this;
        }

        public Builder reportCompressionRatio() {
            this.reportCompressionRatio = true;
            return this;
        }

        public Builder deflate(Deflate d) {
            this.deflate = d;
            return this;
        }

        public Builder adjust(Adjustment a) {
            this.adjustments.add(a);
            return this;
        }

        public FuzzCase build() {
            if (script == null) {
                throw new IllegalStateException("case " + id + " has no script");
            }
            return new FuzzCase(this);
        }
    }
}
