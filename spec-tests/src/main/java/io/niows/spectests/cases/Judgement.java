package io.niows.spectests.cases;

/**
 * The two verdicts of one case with their explanations. Mutable while the judge and the
 * case's own adjustments work on it; not thread-safe.
 */
public final class Judgement {
    public Verdict behavior;
    public String result;
    public Verdict behaviorClose = Verdict.FAILED;
    public String resultClose = "TCP connection was dropped without close handshake";

    Judgement(Verdict behavior, String result) {
        this.behavior = behavior;
        this.result = result;
    }
}
