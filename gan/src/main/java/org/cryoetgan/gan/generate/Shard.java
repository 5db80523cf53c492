package org.cryoetgan.gan.generate;

import java.util.Map;

/**
 * One part {@code index} of {@code count} of a job split over a cluster array: item j belongs to shard
 * {@code j mod count}, so shards are disjoint, cover everything, and each is deterministic on its own.
 *
 * @param index 0-based shard index
 * @param count number of shards
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": need 0 <= i < n");
        }
    }

    /** Parses {@code i/n} (0-based i). */
    public static Shard parse(String text) {
        String[] p = text.trim().split("/");
        try {
            if (p.length == 2) {
                return new Shard(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--shard must look like i/n with 0 <= i < n, got '" + text + "'");
    }

    /**
     * The shard of a Slurm array task ({@code SLURM_ARRAY_TASK_ID} relative to {@code SLURM_ARRAY_TASK_MIN},
     * out of {@code SLURM_ARRAY_TASK_COUNT}), or {@link #ALL} outside an array job.
     */
    public static Shard fromEnvironment(Map<String, String> env) {
        String id = env.get("SLURM_ARRAY_TASK_ID");
        if (id == null) {
            return ALL;
        }
        int task = integer(env, "SLURM_ARRAY_TASK_ID", null);
        int min = integer(env, "SLURM_ARRAY_TASK_MIN", "0");
        int count = env.containsKey("SLURM_ARRAY_TASK_COUNT") ? integer(env, "SLURM_ARRAY_TASK_COUNT", null)
                : integer(env, "SLURM_ARRAY_TASK_MAX", id) - min + 1;
        int index = task - min;
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("SLURM_ARRAY_TASK_ID=" + id + " (MIN " + min + ", " + count
                    + " tasks) is not a task of the array; or use --shard i/n");
        }
        return new Shard(index, count);
    }

    private static int integer(Map<String, String> env, String name, String fallback) {
        String text = env.getOrDefault(name, fallback);
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("environment variable " + name + "=" + text
                    + " is not an integer; or use --shard i/n");
        }
    }

    public boolean owns(long item) {
        return item % count == index;
    }

    /** Suffix for per-shard files: empty for a single shard, else {@code .shard-i-of-n}. */
    public String suffix() {
        return count == 1 ? "" : ".shard-" + index + "-of-" + count;
    }
}
