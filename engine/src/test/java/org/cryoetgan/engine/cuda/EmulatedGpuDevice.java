package org.cryoetgan.engine.cuda;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A {@link GpuDevice} backed by the kernel emulator process (engine/src/test/cuda/driver.cpp): the unchanged .cu
 * kernels compiled with g++ and run on host fibers. Speaks the emulator's little-endian command protocol.
 */
final class EmulatedGpuDevice implements GpuDevice {
    private final Process process;
    private final OutputStream out;
    private final DataInputStream in;
    private long launches;
    private GpuLibraries libraries = GpuLibraries.NONE;

    EmulatedGpuDevice(Path executable) throws IOException {
        process = new ProcessBuilder(executable.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /** Offers {@code libs} (host fakes of cuBLAS/cuDNN) to backends opened on this device. */
    EmulatedGpuDevice withLibraries(GpuLibraries libs) {
        this.libraries = libs;
        return this;
    }

    @Override
    public GpuLibraries libraries() {
        return libraries;
    }

    long launches() {
        return launches;
    }

    private static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private synchronized void send(ByteBuffer b) {
        try {
            out.write(b.array(), 0, b.position());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int readInt() throws IOException {
        return Integer.reverseBytes(in.readInt());
    }

    /** Flushes the command and checks the emulator's status reply. */
    private void await(String what) {
        try {
            out.flush();
            int status = readInt();
            if (status != 0) {
                byte[] msg = new byte[readInt()];
                in.readFully(msg);
                throw new IllegalStateException("emulator: " + what + ": " + new String(msg, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized long malloc(long bytes) {
        send(le(12).putInt(1).putLong(bytes));
        await("malloc");
        try {
            return Long.reverseBytes(in.readLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void free(long address) {
        send(le(12).putInt(2).putLong(address));
        await("free");
    }

    @Override
    public String describe() {
        return "CUDA kernel emulator (g++, host fibers)";
    }

    @Override
    public synchronized void copyToDevice(float[] src, int srcOffset, long dstAddress, int count) {
        ByteBuffer b = le(20 + 4 * count).putInt(3).putLong(dstAddress).putLong(count);
        b.asFloatBuffer().put(src, srcOffset, count);
        b.position(20 + 4 * count);
        send(b);
        await("write");
    }

    @Override
    public synchronized void copyToHost(long srcAddress, float[] dst, int dstOffset, int count) {
        send(le(20).putInt(4).putLong(srcAddress).putLong(count));
        await("read");
        try {
            byte[] raw = new byte[4 * count];
            in.readFully(raw);
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(dst, dstOffset, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void launch(String name, LaunchConfig c, KernelArgs args) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer msg = le(4 + n.length + 28 + 9 * args.size());
        msg.putInt(n.length).put(n).putInt(c.gridX).putInt(c.gridY).putInt(c.gridZ).putInt(c.blockX).putInt(c.blockY)
                .putInt(c.blockZ).putInt(args.size());
        for (int i = 0; i < args.size(); i++) {
            char tag = args.tag(i);
            msg.put((byte) tag);
            if (tag == 'i' || tag == 'f') {
                msg.putInt((int) args.value(i));
            } else {
                msg.putLong(args.value(i));
            }
        }
        send(le(8).putInt(5).putInt(msg.position()));
        send(msg);
        launches++;
        await("launch " + name + c);
    }

    @Override
    public void synchronize() {
        // every command completes before its reply
    }

    @Override
    public synchronized void close() {
        send(le(4).putInt(0));
        try {
            out.flush();
            process.waitFor();
        } catch (IOException | InterruptedException e) {
            process.destroy();
        }
    }
}
