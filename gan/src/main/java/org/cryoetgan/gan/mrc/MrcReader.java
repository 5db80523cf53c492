package org.cryoetgan.gan.mrc;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * Reads MRC2014 (and older CCP4/MRC) files, plain or gzip-compressed (detected from the content, not the name).
 *
 * <ul>
 *   <li>Modes 0 (int8), 1 (int16), 2 (float32), 6 (uint16) and 12 (float16). Mode 0 is signed as MRC2014 says,
 *       except in IMOD files that do not set IMOD's signed-bytes flag, where it is unsigned as IMOD writes it.</li>
 *   <li>Byte order from the machine stamp; when the stamp is unknown (e.g. all zeros) or contradicts the header
 *       (dimensions only plausible in the other order), the order in which the dimensions are plausible wins.</li>
 *   <li>Extended headers (NSYMBT bytes) are kept as raw bytes; their type is {@link MrcHeader#exttyp()}.</li>
 *   <li>Any axis order MAPC/MAPR/MAPS is turned into x-fastest order; voxel size is CELLA / (MX, MY, MZ).</li>
 *   <li>Origin: ORIGIN when it is non-zero, otherwise (NXSTART, NYSTART, NZSTART) × voxel size, as ChimeraX does.</li>
 * </ul>
 *
 * <p>Broken files raise {@link MrcFormatException} naming the file and the problem. The reader never allocates more
 * than the file can hold: for plain files the length is checked against the header before any data buffer exists,
 * and compressed data are read incrementally, so a header claiming a huge volume fails on the first missing byte.
 */
public final class MrcReader {

    /** Largest dimension accepted along any axis: beyond this the header is treated as corrupt. */
    static final int MAX_DIMENSION = 1 << 20;
    /** Data are read in chunks of this many bytes (a multiple of every mode's voxel size). */
    private static final int CHUNK_BYTES = 1 << 24;

    private MrcReader() {
    }

    /** Read header, extended header and data. */
    public static MrcData read(Path file) throws IOException {
        return read(file, true);
    }

    /** Read the header (and extended header) only, still checking that the file is long enough for its data. */
    public static MrcHeader readHeader(Path file) throws IOException {
        return read(file, false).header();
    }

    /**
     * Read the data as one volume (the first of a volume stack) to use as input: a volume with
     * {@linkplain VolumeDefects defects} (NaN or infinite voxels, no positive voxel size) is refused.
     */
    public static Volume readVolume(Path file) throws IOException {
        return VolumeDefects.require(file, read(file).firstVolume());
    }

    private static MrcData read(Path file, boolean withData) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        long fileSize = Files.size(file);
        boolean gz = isGzip(file);
        try (CountingStream in = new CountingStream(open(file, gz))) {
            byte[] head = in.readNBytes(MrcHeader.SIZE);
            if (head.length < MrcHeader.SIZE) {
                throw new MrcFormatException(file, (gz ? "decompressed content is " : "file is ") + head.length
                        + " bytes, shorter than the 1024-byte MRC header");
            }
            MrcHeader h = decodeHeader(file, head);
            MrcMode mode = checkMode(file, h);
            long voxels = checkDimensions(file, h);
            long dataBytes = voxels * mode.bytesPerVoxel();
            if (h.nsymbt() < 0) {
                throw new MrcFormatException(file, "negative extended header size NSYMBT = " + h.nsymbt());
            }
            long needed = MrcHeader.SIZE + (long) h.nsymbt() + dataBytes;
            if (!gz && fileSize < needed) {
                throw truncated(file, h, mode, needed, fileSize);
            }
            byte[] ext = in.readNBytes(h.nsymbt());
            if (ext.length < h.nsymbt()) {
                throw truncated(file, h, mode, needed, MrcHeader.SIZE + ext.length);
            }
            if (!withData) {
                return new MrcData(h, ext, Volume.cube(1, 1));
            }
            float[] fileOrder = readData(in, (int) voxels, mode, h);
            if (fileOrder == null) {
                throw truncated(file, h, mode, needed, in.count());
            }
            return new MrcData(h, ext, toVolume(file, h, fileOrder));
        } catch (EOFException | ZipException e) {
            throw new MrcFormatException(file, "the gzip stream is truncated or corrupt (" + e.getMessage() + ")", e);
        }
    }

    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
        }
    }

    private static InputStream open(Path file, boolean gz) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return gz ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /** Decode the header in the stamp's byte order, or in the other one when only that gives plausible sizes. */
    static MrcHeader decodeHeader(Path file, byte[] head) throws MrcFormatException {
        ByteOrder stamped = MrcHeader.orderFromStamp(head);
        ByteOrder first = stamped != null ? stamped : ByteOrder.LITTLE_ENDIAN;
        ByteOrder other = first == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        if (plausible(head, first)) {
            return MrcHeader.decode(head, first, stamped != null);
        }
        if (plausible(head, other)) {
            return MrcHeader.decode(head, other, false);
        }
        MrcHeader h = MrcHeader.decode(head, first, stamped != null);
        throw new MrcFormatException(file, "not an MRC file or corrupt header: dimensions " + h.nx() + "×" + h.ny()
                + "×" + h.nz() + " and mode " + h.mode() + " are implausible in either byte order");
    }

    private static boolean plausible(byte[] head, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(head).order(order);
        for (int off = 0; off < 12; off += 4) {
            int n = b.getInt(off);
            if (n < 1 || n > MAX_DIMENSION) {
                return false;
            }
        }
        int mode = b.getInt(12);
        return mode >= 0 && mode <= 101;
    }

    private static MrcMode checkMode(Path file, MrcHeader h) throws MrcFormatException {
        MrcMode mode = h.dataMode().orElseThrow(() ->
                new MrcFormatException(file, "unknown data mode " + h.mode() + " (MRC2014 modes are 0, 1, 2, 3, 4, 6, 12, 101)"));
        if (!mode.isReadable()) {
            throw new MrcFormatException(file, "data mode " + h.mode() + " (" + mode + ") is not supported; "
                    + "readable modes are 0, 1, 2, 6 and 12");
        }
        return mode;
    }

    private static long checkDimensions(Path file, MrcHeader h) throws MrcFormatException {
        if (h.nx() < 1 || h.ny() < 1 || h.nz() < 1) {
            throw new MrcFormatException(file, "dimensions must be positive, got " + h.nx() + "×" + h.ny() + "×" + h.nz());
        }
        long voxels = (long) h.nx() * h.ny() * h.nz();
        if (voxels > Integer.MAX_VALUE - 16) {
            throw new MrcFormatException(file, "dimensions " + h.nx() + "×" + h.ny() + "×" + h.nz() + " (" + voxels
                    + " voxels) exceed what one volume can hold");
        }
        if (h.isVolumeStack() && (h.mz() < 1 || h.nz() % h.mz() != 0)) {
            throw new MrcFormatException(file, "volume stack (ISPG " + h.ispg() + ") has NZ = " + h.nz()
                    + " sections, not a multiple of MZ = " + h.mz());
        }
        return voxels;
    }

    private static MrcFormatException truncated(Path file, MrcHeader h, MrcMode mode, long needed, long have) {
        return new MrcFormatException(file, "truncated: the header describes " + h.nx() + "×" + h.ny() + "×" + h.nz()
                + " voxels of mode " + mode.code() + " (" + mode.bytesPerVoxel() + " bytes each) after 1024 + "
                + h.nsymbt() + " header bytes, " + needed + " bytes in all, but only " + have + " bytes are present");
    }

    /**
     * Read and decode {@code voxels} voxels chunk by chunk, so that memory grows only with the bytes actually
     * present; the float array is allocated once all bytes have arrived. Returns null when the data run out.
     */
    private static float[] readData(CountingStream in, int voxels, MrcMode mode, MrcHeader h) throws IOException {
        int bpv = mode.bytesPerVoxel();
        int chunkVoxels = CHUNK_BYTES / bpv;
        List<byte[]> chunks = new ArrayList<>();
        for (long left = voxels; left > 0; left -= chunkVoxels) {
            int len = (int) Math.min(left, chunkVoxels) * bpv;
            byte[] chunk = in.readNBytes(len);
            if (chunk.length < len) {
                return null;
            }
            chunks.add(chunk);
        }
        float[] out = new float[voxels];
        int offset = 0;
        for (byte[] chunk : chunks) {
            decode(chunk, mode, h, out, offset);
            offset += chunk.length / bpv;
        }
        return out;
    }

    private static void decode(byte[] raw, MrcMode mode, MrcHeader h, float[] out, int offset) {
        int n = raw.length / mode.bytesPerVoxel();
        ByteBuffer b = ByteBuffer.wrap(raw).order(h.byteOrder());
        switch (mode) {
            case INT8 -> {
                boolean unsigned = h.isImodFile() && (h.imodFlags() & 1) == 0;
                for (int i = 0; i < n; i++) {
                    out[offset + i] = unsigned ? (raw[i] & 0xFF) : raw[i];
                }
            }
            case INT16, UINT16 -> {
                boolean unsigned = mode == MrcMode.UINT16;
                for (int i = 0; i < n; i++) {
                    short s = b.getShort(2 * i);
                    out[offset + i] = unsigned ? (s & 0xFFFF) : s;
                }
            }
            case FLOAT32 -> b.asFloatBuffer().get(out, offset, n);
            case FLOAT16 -> {
                for (int i = 0; i < n; i++) {
                    out[offset + i] = Half.toFloat(b.getShort(2 * i));
                }
            }
            default -> throw new IllegalStateException("mode " + mode + " is not readable");
        }
    }

    /** Rearrange file-order data (columns fastest) into an x-fastest volume with voxel size and origin. */
    static Volume toVolume(Path file, MrcHeader h, float[] fileOrder) throws MrcFormatException {
        int[] map = axisMap(file, h);
        int[] fileDims = {h.nx(), h.ny(), h.nz()};
        int[] dims = new int[3];
        int[] start = new int[3];
        int[] fileStart = {h.nxstart(), h.nystart(), h.nzstart()};
        for (int i = 0; i < 3; i++) {
            dims[map[i]] = fileDims[i];
            start[map[i]] = fileStart[i];
        }
        Vec3 voxel = new Vec3(spacing(h.cellA().x(), h.mx()), spacing(h.cellA().y(), h.my()),
                spacing(h.cellA().z(), h.mz()));
        Vec3 origin = isZero(h.origin())
                ? new Vec3(start[0] * voxel.x(), start[1] * voxel.y(), start[2] * voxel.z())
                : h.origin();
        float[] data = map[0] == 0 && map[1] == 1 ? fileOrder : permute(fileOrder, fileDims, dims, map);
        return new Volume(dims[0], dims[1], dims[2], data, voxel, origin);
    }

    /** For file axis i (column, row, section), the volume axis it is (0 = x, 1 = y, 2 = z). */
    private static int[] axisMap(Path file, MrcHeader h) throws MrcFormatException {
        int c = h.mapc();
        int r = h.mapr();
        int s = h.maps();
        if (c == 0 && r == 0 && s == 0) {
            return new int[] {0, 1, 2};
        }
        boolean valid = c >= 1 && c <= 3 && r >= 1 && r <= 3 && s >= 1 && s <= 3 && c != r && r != s && c != s;
        if (!valid) {
            throw new MrcFormatException(file, "MAPC/MAPR/MAPS = " + c + "," + r + "," + s + " is not a permutation of 1,2,3");
        }
        return new int[] {c - 1, r - 1, s - 1};
    }

    private static float[] permute(float[] src, int[] fileDims, int[] dims, int[] map) {
        int[] stride = {1, dims[0], dims[0] * dims[1]};
        int sc = stride[map[0]];
        int sr = stride[map[1]];
        int ss = stride[map[2]];
        float[] out = new float[src.length];
        int i = 0;
        for (int s = 0; s < fileDims[2]; s++) {
            for (int r = 0; r < fileDims[1]; r++) {
                int base = s * ss + r * sr;
                for (int c = 0; c < fileDims[0]; c++) {
                    out[base + c * sc] = src[i++];
                }
            }
        }
        return out;
    }

    private static double spacing(double cell, int samples) {
        return samples > 0 && cell > 0 ? cell / samples : 0.0;
    }

    private static boolean isZero(Vec3 v) {
        return v.x() == 0 && v.y() == 0 && v.z() == 0;
    }
}
