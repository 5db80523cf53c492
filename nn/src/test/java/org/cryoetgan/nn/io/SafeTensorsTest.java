package org.cryoetgan.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    private static Map<String, HostTensor> sample() {
        Map<String, HostTensor> m = new LinkedHashMap<>();
        m.put("a.weight", new HostTensor(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f}));
        m.put("b", new HostTensor(new int[] {1}, new float[] {Float.MIN_VALUE}));
        m.put("empty", new HostTensor(new int[] {0, 4}, new float[0]));
        return m;
    }

    @Test
    void roundTripKeepsNamesShapesValuesAndMetadata() throws Exception {
        Path f = dir.resolve("x.safetensors");
        SafeTensors.write(f, sample(), Map.of("note", "hello"));
        SafeTensorsFile r = SafeTensors.read(f);
        assertEquals(sample(), r.tensors());
        assertEquals(List.of("a.weight", "b", "empty"), List.copyOf(r.tensors().keySet()));
        assertEquals("hello", r.metadata().get("note"));
        byte[] bytes = Files.readAllBytes(f);
        long headerLen = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLen % 8, "header padded to 8 bytes");
        assertEquals(8 + headerLen + 7 * 4, bytes.length);
        // the first tensor's data are raw little-endian floats right after the header
        assertEquals(-6.5f, ByteBuffer.wrap(bytes, (int) (8 + headerLen + 20), 4).order(ByteOrder.LITTLE_ENDIAN)
                .getFloat());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void truncatedFileIsRejectedWithFileAndTensorNames() throws Exception {
        Path f = dir.resolve("t.safetensors");
        SafeTensors.write(f, sample(), Map.of());
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("'b'")
                && e.getMessage().contains("truncated"), e.getMessage());
        Files.write(f, java.util.Arrays.copyOf(bytes, 5));
        e = assertThrows(CheckpointFormatException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        Files.write(f, java.util.Arrays.copyOf(bytes, 40));
        e = assertThrows(CheckpointFormatException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("exceeds the file size"), e.getMessage());
    }

    @Test
    void oversizedHeaderIsRejected() throws Exception {
        Path f = dir.resolve("h.safetensors");
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(200L << 20);
        Files.write(f, b.array());
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("header length") && e.getMessage().contains(f.toString()),
                e.getMessage());
    }

    private Path raw(String json, int dataBytes) throws Exception {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.write(h);
        out.write(new byte[dataBytes]);
        Path f = dir.resolve("raw.safetensors");
        Files.write(f, out.toByteArray());
        return f;
    }

    @Test
    void inconsistentEntriesNameTheTensor() throws Exception {
        Path f = raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}}", 12);
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> SafeTensors.read(f));
        assertTrue(e.getMessage().contains("tensor 'w'") && e.getMessage().contains("[2, 2]"), e.getMessage());
        Path g = raw("{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4);
        e = assertThrows(CheckpointFormatException.class, () -> SafeTensors.read(g));
        assertTrue(e.getMessage().contains("tensor 'h'") && e.getMessage().contains("F16"), e.getMessage());
        Path j = raw("{not json", 0);
        e = assertThrows(CheckpointFormatException.class, () -> SafeTensors.read(j));
        assertTrue(e.getMessage().contains("JSON"), e.getMessage());
    }

    @Test
    void fileWrittenByPythonOpens() throws Exception {
        SafeTensorsFile f = SafeTensors.read(org.cryoetgan.nn.TorchFixtures.path("python_checkpoint.safetensors"));
        assertEquals("cryoetgan-checkpoint/1", f.metadata().get("format"));
        assertArrayEquals(new int[] {3, 4}, f.tensors().get("net.0.weight").shape());
    }
}
