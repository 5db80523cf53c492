package org.cryoetgan.engine.cuda;

/**
 * Turns the ways a JCuda library binding fails to load into one reason a user can act on. JCuda's loader
 * reports a missing vendor library ({@code libcublas.so.12}, {@code libcudnn.so.8}) as an
 * {@link UnsatisfiedLinkError} the first time a binding class is touched and as a {@link NoClassDefFoundError}
 * afterwards; this keeps the first explanation.
 */
final class NativeFailures {
    /** The first explanation per binding: JCuda only says "could not initialize" on later attempts. */
    private static final java.util.Map<String, String> FIRST = new java.util.concurrent.ConcurrentHashMap<>();

    private NativeFailures() {
    }

    /**
     * The reason for {@code failure} while loading {@code binding} (e.g. JCublas2), which needs {@code library}
     * (e.g. libcublas.so.12) and is installed with {@code install} (e.g. "the CUDA 12 cuBLAS library").
     */
    static String explain(Throwable failure, String binding, String library, String install) {
        String earlier = FIRST.get(binding);
        if (earlier != null && failure instanceof NoClassDefFoundError
                && String.valueOf(failure.getMessage()).contains("Could not initialize")) {
            return earlier;
        }
        String reason = firstExplanation(failure, binding, library, install);
        if (failure instanceof UnsatisfiedLinkError || failure instanceof ExceptionInInitializerError) {
            FIRST.putIfAbsent(binding, reason);
        }
        return reason;
    }

    private static String firstExplanation(Throwable failure, String binding, String library, String install) {
        String msg = failure.getMessage() == null ? "" : failure.getMessage();
        if (failure instanceof LibraryUnavailableException) {
            return msg;
        }
        if (failure instanceof UnsatisfiedLinkError || failure instanceof ExceptionInInitializerError) {
            String cause = failure instanceof ExceptionInInitializerError && failure.getCause() != null
                    ? failure.getCause().getMessage() : msg;
            String line = CudaProbe.summarizeLinkError(cause);
            if (line.contains(library) && line.contains("cannot open shared object file")) {
                return library + " not found (install " + install + ")";
            }
            if (line.contains("undefined symbol") || line.contains("version `")) {
                return library + " is not the version " + binding + " was built for (" + line + "); install "
                        + install;
            }
            return binding + " could not be loaded (" + line + ")";
        }
        if (failure instanceof NoClassDefFoundError) {
            if (msg.contains("Could not initialize")) {
                return binding + " failed to load earlier in this run (" + msg + ")";
            }
            return binding + " is not on the class path (" + msg + ")";
        }
        return failure.getClass().getSimpleName() + ": " + msg;
    }
}
