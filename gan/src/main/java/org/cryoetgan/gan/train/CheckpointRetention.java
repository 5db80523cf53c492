package org.cryoetgan.gan.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which checkpoints of a run are kept: the newest {@code keepLast}, plus every checkpoint whose step is a
 * multiple of {@code keepEvery} (0: none of those); {@code keepLast} 0 keeps every checkpoint.
 *
 * @param keepLast  the newest checkpoints always kept (0: keep all)
 * @param keepEvery steps between checkpoints kept for good (0: none beyond the newest)
 */
public record CheckpointRetention(int keepLast, long keepEvery) {

    /** The newest three, plus one every 1000 steps. */
    public static final CheckpointRetention DEFAULT = new CheckpointRetention(3, 1000);
    /** Every checkpoint. */
    public static final CheckpointRetention ALL = new CheckpointRetention(0, 0);

    public CheckpointRetention {
        if (keepLast < 0) {
            throw new IllegalArgumentException("--keep-checkpoints must be >= 0 (0: keep all), got " + keepLast);
        }
        if (keepEvery < 0) {
            throw new IllegalArgumentException("--keep-every must be >= 0 (0: none), got " + keepEvery);
        }
    }

    /** The steps among {@code steps} (ascending) whose checkpoints go. */
    public List<Long> toDelete(List<Long> steps) {
        List<Long> out = new ArrayList<>();
        if (keepLast == 0) {
            return out;
        }
        for (int i = 0; i < steps.size() - keepLast; i++) {
            long step = steps.get(i);
            if (keepEvery == 0 || step % keepEvery != 0) {
                out.add(step);
            }
        }
        return out;
    }

    /** Deletes the checkpoints of {@code folder} that this policy does not keep. */
    public void prune(RunFolder folder) throws IOException {
        for (long step : toDelete(folder.checkpointSteps())) {
            folder.deleteCheckpoint(step);
        }
    }
}
