package io.niows.spectests.report;

import java.util.Locale;

/** Autobahn's report file names. Stateless; safe from any thread. */
public final class ReportNames {
    private ReportNames() {
    }

    /** Autobahn's cleanForFilename: lower case, anything but [a-z0-9] becomes '_'. */
    public static String clean(String agent) {
        StringBuilder sb = new StringBuilder();
        for (char ch : agent.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            sb.append((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ? ch : ' ');
        }
        return sb.toString().trim().replace(' ', '_');
    }

    /** Base name of a case's report files, e.g. {@code niows_case_6_4_1}. */
    public static String caseBase(String agent, String caseId) {
        return clean(agent) + "_case_" + caseId.replace('.', '_');
    }
}
