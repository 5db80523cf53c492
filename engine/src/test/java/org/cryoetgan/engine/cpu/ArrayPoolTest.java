package org.cryoetgan.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.junit.jupiter.api.Test;

class ArrayPoolTest {
    @Test
    void releasedArraysAreReusedByExactLengthWithinTheCapacity() {
        ArrayPool pool = new ArrayPool(4L * 10_000);
        float[] a = pool.take(5000);
        pool.give(a);
        assertSame(a, pool.take(5000), "same length reuses the array");
        assertNotSame(a, pool.take(5000), "an array is handed out once");
        pool.give(a);
        float[] b = pool.take(6000);
        assertNotSame(a, b);
        pool.give(b);
        assertEquals(4L * 5000, pool.heldBytes(), "the second array would exceed the capacity and is dropped");
        float[] small = pool.take(10);
        pool.give(small);
        assertNotSame(small, pool.take(10), "small arrays are not pooled");
        assertEquals(1, pool.hits());
    }

    @Test
    void theBackendRecyclesTheArraysOfClosedTensors() {
        CpuBackend cpu = new CpuBackend(1);
        long before = cpu.pooledAllocations();
        for (int step = 0; step < 3; step++) {
            try (Scope s = Scope.open()) {
                Tensor t = Tensor.zeros(cpu, 2, 8, 16, 16);
                Tensor u = t.add(1f).relu();
                assertEquals(1f, u.toArray()[100]);
            }
        }
        assertTrue(cpu.pooledAllocations() - before >= 4, "steps after the first reuse arrays");
        assertTrue(cpu.pooledBytes() > 0);
    }
}
