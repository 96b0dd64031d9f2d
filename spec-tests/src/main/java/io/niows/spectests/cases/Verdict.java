package io.niows.spectests.cases;

/**
 * Autobahn's outcome names, spelled as Autobahn writes them in {@code index.json}. The first
 * five judge behaviour; the close column also uses WRONG CODE, UNCLEAN and FAILED BY CLIENT.
 * Immutable.
 */
public enum Verdict {
    OK("OK"),
    NON_STRICT("NON-STRICT"),
    INFORMATIONAL("INFORMATIONAL"),
    UNIMPLEMENTED("UNIMPLEMENTED"),
    FAILED("FAILED"),
    WRONG_CODE("WRONG CODE"),
    UNCLEAN("UNCLEAN"),
    FAILED_BY_CLIENT("FAILED BY CLIENT");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The name as Autobahn writes it. */
    public String label() {
        return label;
    }

    /** Parses Autobahn's spelling. */
    public static Verdict parse(String label) {
        for (Verdict v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict: " + label);
    }
}
