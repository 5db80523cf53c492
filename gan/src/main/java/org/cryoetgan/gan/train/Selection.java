package org.cryoetgan.gan.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The realism scores of a run's scoring steps ({@code selection.jsonl}: one {@code {"step", "realism_distance"}}
 * line each) and which step scored best so far (lowest distance; the earlier step on a tie). Resumed with the
 * run, it keeps only the scores up to the resumed step, so a resumed run selects what an uninterrupted one would.
 */
final class Selection implements AutoCloseable {
    private final MetricsLog log;
    private long bestStep = -1;
    private double bestDistance = Double.POSITIVE_INFINITY;

    private Selection(MetricsLog log) {
        this.log = log;
    }

    /** Opens the score log of a run at {@code step}, dropping later scores, and recovers the best so far. */
    static Selection resume(Path file, long step) throws IOException {
        Selection s = new Selection(MetricsLog.open(file, step));
        for (Map<String, Object> row : MetricsLog.read(file)) {
            if (row.get("step") instanceof Number k && row.get("realism_distance") instanceof Number d) {
                s.consider(k.longValue(), d.doubleValue());
            }
        }
        return s;
    }

    private boolean consider(long step, double distance) {
        if (distance < bestDistance) {
            bestDistance = distance;
            bestStep = step;
            return true;
        }
        return false;
    }

    /** Logs the score of {@code step}; returns whether it is the best so far. */
    boolean record(long step, double distance) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", step);
        row.put("realism_distance", distance);
        log.append(row);
        return consider(step, distance);
    }

    /** The best-scoring step so far, or -1 before any score. */
    long bestStep() {
        return bestStep;
    }

    double bestDistance() {
        return bestDistance;
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
