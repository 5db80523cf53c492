package org.cryoetgan.engine.testing;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.cuda.CudaBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of a test class whose tests run on a backend chosen by a subclass: before the tests, the backend from
 * {@link #openBackend()} becomes {@link Backends#getDefault()}, on which {@code Tensor.of}, fixtures and modules
 * create their tensors; after them the previous default is restored and the backend closed. One suite thus runs on
 * the CPU, on the CUDA kernel emulator and on a real GPU without being copied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendSuite {
    private Backend backend;
    private Backend previous;

    /** The backend under test, or a failed assumption saying why there is none (which skips the class). */
    protected abstract Backend openBackend() throws IOException;

    /** The backend under test (after {@link #openBackend()}). */
    protected final Backend backend() {
        return backend;
    }

    @BeforeAll
    final void useBackend() throws IOException {
        backend = openBackend();
        previous = Backends.getDefault();
        Backends.setDefault(backend);
    }

    /** Restores the previous default; a CUDA backend is closed, the shared CPU backend stays open. */
    @AfterAll
    final void restoreBackend() {
        if (backend == null) {
            return;
        }
        Backends.setDefault(previous);
        if (backend instanceof CudaBackend c) {
            c.close();
        }
    }

    @Test
    void tensorsAreCreatedOnTheBackendUnderTest() {
        try (Tensor t = Tensor.of(new float[] {1f, 2f}, 2); Tensor u = t.mul(t)) {
            assertSame(backend, t.backend());
            assertSame(backend, u.backend());
        }
    }
}
