package io.niows.spectests;

import io.niows.spectests.cases.Verdict;
import io.niows.spectests.run.CaseResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The bar every conformance gate of this build holds its peer to: each case OK for its behaviour
 * and its closing, or INFORMATIONAL where Autobahn only informs. Stateless.
 */
final class StrictVerdicts {

    private StrictVerdicts() {
    }

    /** One line per case below the bar, with its verdicts and results; empty when all pass. */
    static List<String> notStrict(List<CaseResult> results) {
        List<String> problems = new ArrayList<>();
        for (CaseResult r : results) {
            boolean informational = r.behavior() == Verdict.INFORMATIONAL;
            if (!informational && (r.behavior() != Verdict.OK || r.behaviorClose() != Verdict.OK)) {
                problems.add(r.id() + ": " + r.behavior().label() + " / close " + r.behaviorClose().label()
                        + " (" + r.result() + "; " + r.resultClose() + ")");
            }
        }
        return problems;
    }
}
