package org.cryoetgan.engine.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A fallback chain of implementations for one kind of work (e.g. convolutions: cuDNN, then the engine's own CUDA
 * kernels, then the CPU): the first candidate whose probe succeeds is chosen, and the user sees one line naming it
 * and why each earlier candidate was passed over.
 */
public final class LibraryChain {
    /** A candidate: its name and a probe returning null when usable, else the reason it is not. */
    public record Candidate(String name, Supplier<String> probe) {
    }

    /** The outcome: the chosen candidate (null if none) and the one-line explanation. */
    public record Choice(String chosen, String message) {
    }

    private LibraryChain() {
    }

    /** Probes candidates in order; a probe that throws counts as unusable with the exception as the reason. */
    public static Choice choose(String work, List<Candidate> candidates) {
        List<String> skipped = new ArrayList<>();
        for (Candidate c : candidates) {
            String reason;
            try {
                reason = c.probe().get();
            } catch (RuntimeException | LinkageError e) {
                reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (reason == null) {
                return new Choice(c.name(), work + ": " + c.name() + (skipped.isEmpty() ? ""
                        : " (" + String.join("; ", skipped) + ")"));
            }
            skipped.add(c.name() + " unavailable: " + reason);
        }
        return new Choice(null, work + ": nothing usable (" + String.join("; ", skipped) + ")");
    }

    /** A probe that succeeds when a class can be loaded (an optional binding on the class path). */
    public static Supplier<String> classPresent(String className, String what) {
        return () -> {
            try {
                Class.forName(className, false, LibraryChain.class.getClassLoader());
                return null;
            } catch (ClassNotFoundException e) {
                return what + " is not on the class path";
            }
        };
    }
}
