package org.cryoetgan.gan.benchmark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Times the stages of a run and logs their start and end. */
final class StageClock {
    /** A stage's work. */
    interface Work<T> {
        T run() throws Exception;
    }

    private final Map<String, Double> minutes = new LinkedHashMap<>();
    private final Consumer<String> log;

    StageClock(Consumer<String> log) {
        this.log = log;
    }

    <T> T time(String stage, Work<T> work) throws Exception {
        log.accept("== " + stage);
        long t0 = System.nanoTime();
        T result = work.run();
        double m = (System.nanoTime() - t0) / 60e9;
        minutes.put(stage, m);
        log.accept(String.format(Locale.ROOT, "== %s: %.2f min", stage, m));
        return result;
    }

    Map<String, Double> minutes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(minutes));
    }
}
