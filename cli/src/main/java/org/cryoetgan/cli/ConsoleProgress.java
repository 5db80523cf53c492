package org.cryoetgan.cli;

import java.io.PrintStream;
import org.cryoetgan.gan.batch.BatchProgress;

/**
 * A progress bar on a terminal (redrawn in place), or plain lines at every 10% and at the end when the output is
 * redirected, so that logs stay readable.
 */
final class ConsoleProgress implements BatchProgress {

    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int lastDecile = -1;

    ConsoleProgress(PrintStream out) {
        this(out, System.console() != null);
    }

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void update(int done, int total, String item) {
        double frac = total == 0 ? 1 : done / (double) total;
        double secs = (System.nanoTime() - start) / 1e9;
        double eta = done == 0 ? 0 : secs / done * (total - done);
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(frac * width);
            out.printf("\r[%s%s] %d/%d %3.0f%%  %.0fs elapsed, %.0fs left  %s   ",
                    "#".repeat(filled), " ".repeat(width - filled), done, total, 100 * frac, secs, eta, item);
            if (done == total) {
                out.println();
            }
        } else {
            int decile = (int) Math.floor(frac * 10);
            if (decile != lastDecile || done == total) {
                lastDecile = decile;
                out.printf("%d/%d (%.0f%%) %.1fs elapsed, %.0fs left, last %s%n", done, total, 100 * frac, secs, eta, item);
            }
        }
        out.flush();
    }
}
