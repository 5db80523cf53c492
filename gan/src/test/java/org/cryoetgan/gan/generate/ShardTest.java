package org.cryoetgan.gan.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void aBadSlurmVariableIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "x")));
        assertTrue(e.getMessage().contains("SLURM_ARRAY_TASK_ID=x is not an integer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Shard.fromEnvironment(
                Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "2")));
        assertTrue(e.getMessage().contains("is not a task of the array"), e.getMessage());
    }

    @Test
    void aTaskWithoutCountOrMaxIsTheOnlyOne() {
        assertEquals(new Shard(0, 1), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "0")));
        assertEquals(new Shard(2, 4), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "7",
                "SLURM_ARRAY_TASK_MIN", "5", "SLURM_ARRAY_TASK_MAX", "8")));
    }
}
