package org.cryoetgan.nn.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the safetensors format (as used by Hugging Face): an 8-byte little-endian header length N,
 * N bytes of UTF-8 JSON mapping each tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}}
 * (offsets relative to the data section) plus an optional {@code "__metadata__"} string map, then the raw
 * little-endian data. Only F32 tensors are supported. Writes pad the header with spaces to a multiple of 8
 * bytes and are atomic; reads validate everything and name the file and tensor in their errors.
 */
public final class SafeTensors {
    /** Headers larger than this are rejected as corrupt. */
    public static final long MAX_HEADER_BYTES = 100L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafeTensors() {
    }

    public static void write(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata)
            throws IOException {
        AtomicFiles.write(file, out -> encode(tensors, metadata, out));
    }

    /** Writes the safetensors bytes to a stream. */
    public static void encode(Map<String, HostTensor> tensors, Map<String, String> metadata, OutputStream out)
            throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
            if (e.getKey().equals("__metadata__") || e.getKey().isEmpty()) {
                throw new IllegalArgumentException("invalid tensor name '" + e.getKey() + "'");
            }
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            ArrayNode shape = t.putArray("shape");
            for (int d : e.getValue().shape()) {
                shape.add(d);
            }
            long bytes = e.getValue().numel() * Float.BYTES;
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        out.write(head.array());
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (HostTensor t : tensors.values()) {
            for (float f : t.data()) {
                if (!chunk.hasRemaining()) {
                    out.write(chunk.array(), 0, chunk.position());
                    chunk.clear();
                }
                chunk.putFloat(f);
            }
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    public static SafeTensorsFile read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new CheckpointFormatException(file, "only " + size + " bytes, too short for a safetensors header "
                        + "(truncated?)");
            }
            ByteBuffer lenBuf = readFully(ch, 0, 8, file).order(ByteOrder.LITTLE_ENDIAN);
            long headerLen = lenBuf.getLong();
            if (headerLen < 2 || headerLen > MAX_HEADER_BYTES) {
                throw new CheckpointFormatException(file, "header length " + headerLen + " is outside [2, "
                        + MAX_HEADER_BYTES + "] bytes: not a safetensors file or corrupt");
            }
            if (8 + headerLen > size) {
                throw new CheckpointFormatException(file, "header length " + headerLen + " exceeds the file size "
                        + size + " (truncated?)");
            }
            byte[] headerBytes = readFully(ch, 8, (int) headerLen, file).array();
            JsonNode header;
            try {
                header = JSON.readTree(new String(headerBytes, StandardCharsets.UTF_8));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new CheckpointFormatException(file, "header is not valid JSON: " + e.getOriginalMessage());
            }
            if (header == null || !header.isObject()) {
                throw new CheckpointFormatException(file, "header is not a JSON object");
            }
            long dataStart = 8 + headerLen;
            long dataLen = size - dataStart;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, HostTensor> tensors = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = header.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    readMetadata(file, e.getValue(), metadata);
                } else {
                    tensors.put(e.getKey(), readTensor(file, ch, e.getKey(), e.getValue(), dataStart, dataLen));
                }
            }
            return new SafeTensorsFile(tensors, metadata);
        }
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> out)
            throws CheckpointFormatException {
        if (!node.isObject()) {
            throw new CheckpointFormatException(file, "__metadata__ is not a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> m = it.next();
            if (!m.getValue().isTextual()) {
                throw new CheckpointFormatException(file, "__metadata__ entry '" + m.getKey() + "' is not a string");
            }
            out.put(m.getKey(), m.getValue().asText());
        }
    }

    private static HostTensor readTensor(Path file, FileChannel ch, String name, JsonNode t, long dataStart,
                                         long dataLen) throws IOException {
        String where = "tensor '" + name + "': ";
        if (!t.isObject()) {
            throw new CheckpointFormatException(file, where + "header entry is not an object");
        }
        String dtype = t.path("dtype").asText("");
        if (!dtype.equals("F32")) {
            throw new CheckpointFormatException(file, where + "dtype '" + dtype + "' is not supported (only F32)");
        }
        JsonNode shapeNode = t.path("shape");
        JsonNode offs = t.path("data_offsets");
        if (!shapeNode.isArray() || !offs.isArray() || offs.size() != 2) {
            throw new CheckpointFormatException(file, where + "needs a 'shape' array and two 'data_offsets'");
        }
        int[] shape = new int[shapeNode.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToInt() || d.asInt() < 0) {
                throw new CheckpointFormatException(file, where + "bad dimension " + d);
            }
            shape[i] = d.asInt();
            numel *= shape[i];
        }
        long begin = offs.get(0).asLong(-1);
        long end = offs.get(1).asLong(-1);
        if (begin < 0 || end < begin) {
            throw new CheckpointFormatException(file, where + "invalid data_offsets [" + begin + ", " + end + ")");
        }
        if (end - begin != numel * Float.BYTES) {
            throw new CheckpointFormatException(file, where + "shape " + java.util.Arrays.toString(shape) + " needs "
                    + numel * Float.BYTES + " bytes but data_offsets span " + (end - begin));
        }
        if (end > dataLen) {
            throw new CheckpointFormatException(file, where + "data [" + begin + ", " + end
                    + ") runs past the end of the data section (" + dataLen + " bytes): file truncated?");
        }
        if (numel > Integer.MAX_VALUE - 8) {
            throw new CheckpointFormatException(file, where + "too large for a Java array");
        }
        ByteBuffer raw = readFully(ch, dataStart + begin, (int) (end - begin), file).order(ByteOrder.LITTLE_ENDIAN);
        float[] data = new float[(int) numel];
        raw.asFloatBuffer().get(data);
        return new HostTensor(shape, data);
    }

    private static ByteBuffer readFully(FileChannel ch, long pos, int len, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len);
        long p = pos;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                throw new CheckpointFormatException(file, "unexpected end of file at byte " + p + " (truncated?)");
            }
            p += n;
        }
        b.flip();
        return b;
    }
}
