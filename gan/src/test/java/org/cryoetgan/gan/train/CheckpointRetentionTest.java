package org.cryoetgan.gan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointRetentionTest {
    private static final List<Long> STEPS = List.of(250L, 500L, 750L, 1000L, 1250L, 1500L, 1750L, 2000L, 2250L);

    @Test
    void keepsTheNewestAndEveryKthStep() {
        assertEquals(List.of(250L, 500L, 750L, 1250L, 1500L),
                new CheckpointRetention(3, 1000).toDelete(STEPS));
        assertEquals(List.of(250L, 500L, 750L, 1000L, 1250L, 1500L, 1750L),
                new CheckpointRetention(2, 0).toDelete(STEPS));
    }

    @Test
    void zeroKeepsEverythingAndFewCheckpointsAreNeverPruned() {
        assertEquals(List.of(), CheckpointRetention.ALL.toDelete(STEPS));
        assertEquals(List.of(), new CheckpointRetention(3, 0).toDelete(List.of(1L, 2L, 3L)));
    }

    @Test
    void negativeCountsNameTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CheckpointRetention(-1, 0));
        assertTrue(e.getMessage().contains("--keep-checkpoints"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CheckpointRetention(1, -5));
        assertTrue(e.getMessage().contains("--keep-every"), e.getMessage());
    }
}
