package org.cryoetgan.engine.selftest;

import java.io.PrintStream;
import java.util.List;

/**
 * The outcome of a selftest: one row per case with the largest relative error found, and the lines naming the
 * backends and libraries that ran.
 */
public record SelfTestReport(String device, String reference, List<String> libraries, double tolerance,
                             List<Row> rows) {

    /** One case: its largest error (relative, see {@link Comparison}) and whether it passed, or its failure. */
    public record Row(String name, double maxError, boolean passed, String problem) {
    }

    public boolean passed() {
        return rows.stream().allMatch(Row::passed);
    }

    public long failures() {
        return rows.stream().filter(r -> !r.passed()).count();
    }

    /** The table and a closing summary line ("selftest: N passed, N failed"). */
    public void print(PrintStream out) {
        out.println("device:    " + device);
        out.println("reference: " + reference);
        for (String l : libraries) {
            out.println("  " + l);
        }
        int width = 8;
        for (Row r : rows) {
            width = Math.max(width, r.name().length());
        }
        out.printf("%-" + width + "s  %-6s  %s%n", "check", "result", "max rel. error (tolerance " + tolerance + ")");
        for (Row r : rows) {
            String err = r.problem() != null ? r.problem() : String.format("%.2e", r.maxError());
            out.printf("%-" + width + "s  %-6s  %s%n", r.name(), r.passed() ? "pass" : "FAIL", err);
        }
        out.println("selftest: " + (rows.size() - failures()) + " passed, " + failures() + " failed");
    }
}
