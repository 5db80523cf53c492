package org.cryoetgan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cryoetgan.engine.ops.Elementwise;
import org.cryoetgan.engine.testing.TensorAsserts;
import org.junit.jupiter.api.Test;

/** Views share storage; closed tensors fail loudly; scopes own what is created in them. */
class TensorViewsAndLifetimeTest {
    @Test
    void viewsShareStorageWithTheirBase() {
        try (Scope s = Scope.open()) {
            Tensor base = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3);
            Tensor row = base.narrow(0, 1, 1);
            Tensor col = base.transpose(0, 1).narrow(0, 2, 1);
            Tensor flat = base.reshape(6);
            assertSame(base.buffer(), row.buffer());
            assertSame(base.buffer(), col.buffer());
            assertSame(base.buffer(), flat.buffer());
            assertTrue(flat.isContiguous());
            assertFalse(col.isContiguous());
            Elementwise.addInPlace(base, Tensor.full(10f, 1));
            TensorAsserts.assertClose(new float[] {13, 14, 15}, row, new int[] {1, 3}, 0);
            TensorAsserts.assertClose(new float[] {12, 15}, col, new int[] {1, 2}, 0);
            Elementwise.copyInto(row, Tensor.of(new float[] {-1, -2, -3}, 1, 3));
            TensorAsserts.assertClose(new float[] {10, 11, 12, -1, -2, -3}, flat, new int[] {6}, 0);
            assertEquals(-2f, base.narrow(0, 1, 1).narrow(1, 1, 1).item());
        }
    }

    @Test
    void aViewKeepsItsStorageAliveAfterTheBaseIsClosed() {
        long buffers = MemoryStats.liveBuffers();
        Tensor base = Scope.unscoped(() -> Tensor.of(new float[] {1, 2, 3, 4}, 4));
        Tensor view = Scope.unscoped(() -> base.narrow(0, 2, 2));
        base.close();
        assertEquals(buffers + 1, MemoryStats.liveBuffers());
        TensorAsserts.assertClose(new float[] {3, 4}, view, new int[] {2}, 0);
        view.close();
        assertEquals(buffers, MemoryStats.liveBuffers());
    }

    @Test
    void closedTensorsThrowClearErrors() {
        Tensor t = Scope.unscoped(() -> Tensor.ones(2, 3));
        Tensor other = Scope.unscoped(() -> Tensor.ones(2, 3));
        Tensor one = Scope.unscoped(() -> Tensor.ones(1));
        one.close();
        assertTrue(assertThrows(IllegalStateException.class, one::item).getMessage().contains("closed"));
        t.close();
        t.close(); // idempotent
        assertTrue(t.isClosed());
        try (Scope s = Scope.open()) { // an op may allocate its output before it finds a closed input
            for (org.junit.jupiter.api.function.Executable use : new org.junit.jupiter.api.function.Executable[] {
                t::toArray, () -> t.add(other), () -> other.mul(t), () -> t.narrow(0, 0, 1), t::exp,
                () -> t.sum()}) {
                IllegalStateException e = assertThrows(IllegalStateException.class, use);
                assertTrue(e.getMessage().contains("closed"), e.getMessage());
            }
        }
        other.close();
    }

    @Test
    void scopesCloseWhatTheyCreatedButNotEscapedOrUnscopedTensors() {
        long tensors = MemoryStats.openTensors();
        long bytes = MemoryStats.liveBytes();
        Tensor kept;
        Tensor outside;
        Tensor inner;
        try (Scope s = Scope.open()) {
            Tensor a = Tensor.ones(4, 4);
            Tensor b = a.mul(2f).transpose(0, 1);
            kept = a.add(b).escape();
            outside = Scope.unscoped(() -> Tensor.zeros(3));
            try (Scope nested = Scope.open()) {
                inner = Tensor.ones(2);
                assertThrows(IllegalStateException.class, s::close, "outer scope closed before the inner one");
            }
            assertTrue(inner.isClosed());
            assertFalse(a.isClosed());
            assertTrue(s.size() >= 3);
        }
        assertFalse(kept.isClosed());
        assertFalse(outside.isClosed());
        assertEquals(tensors + 2, MemoryStats.openTensors());
        TensorAsserts.assertClose(new float[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, kept,
                new int[] {4, 4}, 0);
        kept.close();
        outside.close();
        assertEquals(tensors, MemoryStats.openTensors());
        assertEquals(bytes, MemoryStats.liveBytes());
    }

    @Test
    void shapesAndCreation() {
        try (Scope s = Scope.open()) {
            assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[] {1, 2, 3}, 2, 2));
            assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(1, 1, 1, 1, 1, 1));
            assertThrows(IllegalArgumentException.class, () -> Tensor.ones(2, 3).reshape(4, 2));
            assertEquals(6, Tensor.ones(2, 3).reshape(-1, 2).size(0) * 2);
            assertEquals(4f, Tensor.full(4f, 2, 2).sum().item() / 4f);
            assertThrows(IllegalArgumentException.class, () -> Tensor.ones(2, 3).add(Tensor.ones(3, 2)));
        }
    }
}
