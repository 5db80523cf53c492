package org.cryoetgan.gan.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scores of a run's scoring steps ({@code selection.jsonl}: one {@code {"step", "realism_distance",
 * "transfer_score"}} line each, see {@link RealismProbe}) and which step scored best so far: the highest transfer
 * score when the probe has one, else the lowest realism distance (the earlier step on a tie). Resumed with the
 * run, it keeps only the scores up to the resumed step, so a resumed run selects what an uninterrupted one would.
 */
final class Selection implements AutoCloseable {
    static final String DISTANCE = "realism_distance";
    static final String TRANSFER = "transfer_score";
    private final MetricsLog log;
    private final boolean byTransfer;
    private long bestStep = -1;
    private RealismProbe.Scores best;

    private Selection(MetricsLog log, boolean byTransfer) {
        this.log = log;
        this.byTransfer = byTransfer;
    }

    /**
     * Opens the score log of a run at {@code step}, dropping later scores, and recovers the best so far.
     *
     * @param byTransfer select by the transfer score (else by the realism distance)
     */
    static Selection resume(Path file, long step, boolean byTransfer) throws IOException {
        Selection s = new Selection(MetricsLog.open(file, step), byTransfer);
        for (Map<String, Object> row : MetricsLog.read(file)) {
            if (row.get("step") instanceof Number k && row.get(DISTANCE) instanceof Number d) {
                double t = row.get(TRANSFER) instanceof Number n ? n.doubleValue() : Double.NaN;
                s.consider(k.longValue(), new RealismProbe.Scores(d.doubleValue(), t));
            }
        }
        return s;
    }

    private boolean better(RealismProbe.Scores a, RealismProbe.Scores b) {
        return byTransfer ? a.transfer() > b.transfer() : a.distance() < b.distance();
    }

    private boolean consider(long step, RealismProbe.Scores scores) {
        if (best == null || better(scores, best)) {
            best = scores;
            bestStep = step;
            return true;
        }
        return false;
    }

    /** Logs the scores of {@code step}; returns whether they are the best so far. */
    boolean record(long step, RealismProbe.Scores scores) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", step);
        row.put(DISTANCE, scores.distance());
        if (Double.isFinite(scores.transfer())) {
            row.put(TRANSFER, scores.transfer());
        }
        log.append(row);
        return consider(step, scores);
    }

    /** The best-scoring step so far, or -1 before any score. */
    long bestStep() {
        return bestStep;
    }

    /** The scores of the best step, or null before any score. */
    RealismProbe.Scores best() {
        return best;
    }

    /** What selection maximises or minimises, for messages. */
    String criterion() {
        return byTransfer ? "the highest transfer score" : "the lowest realism distance";
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
