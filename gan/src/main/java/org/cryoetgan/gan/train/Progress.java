package org.cryoetgan.gan.train;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress of a long job: a single redrawn bar with rate and ETA on a terminal, plain log lines (at most one per
 * {@code every} steps) when output is redirected.
 */
public final class Progress {
    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean terminal;
    private final long every;
    private final long startNanos = System.nanoTime();
    private long startStep;
    private boolean started;

    public Progress(PrintStream out, String label, long total, boolean terminal, long every) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.terminal = terminal;
        this.every = Math.max(1, every);
    }

    /** True when standard output is an interactive terminal. */
    public static boolean stdoutIsTerminal() {
        return System.console() != null;
    }

    /** Reports that {@code done} of {@code total} steps are complete, with a short status text. */
    public void update(long done, String status) {
        if (!started) {
            started = true;
            startStep = done - 1;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long doneHere = Math.max(1, done - startStep);
        double perStep = elapsed / doneHere;
        long etaSec = Math.round(perStep * (total - done));
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(width * (double) done / Math.max(1, total));
            String bar = "#".repeat(Math.max(0, Math.min(width, filled))) + "-".repeat(Math.max(0, width - filled));
            out.print("\r" + label + " [" + bar + "] " + done + "/" + total + "  " + status + "  "
                    + String.format("%.2fs/step ETA %s", perStep, format(etaSec)) + "   ");
            if (done >= total) {
                out.println();
            }
            out.flush();
        } else if (done % every == 0 || done >= total) {
            out.println(label + " " + done + "/" + total + " " + status + String.format(" (%.2fs/step, ETA %s)",
                    perStep, format(etaSec)));
        }
    }

    static String format(long seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
