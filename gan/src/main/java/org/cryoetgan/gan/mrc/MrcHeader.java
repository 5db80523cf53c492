package org.cryoetgan.gan.mrc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.gan.volume.Vec3;

/**
 * The 1024-byte MRC2014 main header, field by field as stored (columns, rows and sections are the file's axes;
 * {@link #mapc()}, {@link #mapr()} and {@link #maps()} say which of x, y, z they are).
 *
 * <p>Word numbers (1-based, 4 bytes each): 1–3 NX NY NZ, 4 MODE, 5–7 NXSTART NYSTART NZSTART, 8–10 MX MY MZ,
 * 11–13 CELLA, 14–16 CELLB, 17–19 MAPC MAPR MAPS, 20–22 DMIN DMAX DMEAN, 23 ISPG, 24 NSYMBT, 27 EXTTYP,
 * 28 NVERSION, 39–40 IMOD stamp and flags, 50–52 ORIGIN, 53 MAP, 54 MACHST, 55 RMS, 56 NLABL, 57–256 ten 80-byte
 * labels.
 *
 * @param byteOrder    the byte order the header was decoded with (or is to be encoded with)
 * @param stampTrusted false when the machine stamp was missing or contradicted the data and the order was inferred
 */
public record MrcHeader(
        int nx, int ny, int nz, int mode,
        int nxstart, int nystart, int nzstart,
        int mx, int my, int mz,
        Vec3 cellA, Vec3 cellB,
        int mapc, int mapr, int maps,
        float dmin, float dmax, float dmean,
        int ispg, int nsymbt, String exttyp, int nversion,
        int imodStamp, int imodFlags,
        Vec3 origin, String mapWord, byte[] machineStamp, float rms, List<String> labels,
        ByteOrder byteOrder, boolean stampTrusted) {

    /** Size of the main header in bytes. */
    public static final int SIZE = 1024;
    /** IMOD's stamp in word 39. */
    public static final int IMOD_STAMP = 1146047817;
    /** ISPG of an image stack (and of a single image). */
    public static final int ISPG_IMAGE_STACK = 0;
    /** ISPG of a single volume in P1. */
    public static final int ISPG_VOLUME = 1;
    /** Smallest ISPG of a volume stack (401 = P1 volume stack). */
    public static final int ISPG_VOLUME_STACK = 401;

    public MrcHeader {
        labels = List.copyOf(labels);
        machineStamp = machineStamp.clone();
    }

    @Override
    public byte[] machineStamp() {
        return machineStamp.clone();
    }

    /** The data mode, if the MODE word is an MRC2014 mode. */
    public java.util.Optional<MrcMode> dataMode() {
        return MrcMode.fromCode(mode);
    }

    /** Whether ISPG marks a volume stack (401–630, as {@code mrcfile} accepts). */
    public boolean isVolumeStack() {
        return ispg >= 401 && ispg <= 630;
    }

    /** Whether ISPG 0 marks a stack of 2D images. */
    public boolean isImageStack() {
        return ispg == ISPG_IMAGE_STACK;
    }

    /** Whether word 39 carries IMOD's stamp. */
    public boolean isImodFile() {
        return imodStamp == IMOD_STAMP;
    }

    /** Decode a 1024-byte header in the given byte order. */
    static MrcHeader decode(byte[] bytes, ByteOrder order, boolean stampTrusted) {
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, SIZE).order(order);
        int nlabl = b.getInt(220);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < Math.max(0, Math.min(10, nlabl)); i++) {
            labels.add(ascii(bytes, 224 + 80 * i, 80).strip());
        }
        byte[] stamp = new byte[4];
        System.arraycopy(bytes, 212, stamp, 0, 4);
        return new MrcHeader(
                b.getInt(0), b.getInt(4), b.getInt(8), b.getInt(12),
                b.getInt(16), b.getInt(20), b.getInt(24),
                b.getInt(28), b.getInt(32), b.getInt(36),
                vec(b, 40), vec(b, 52),
                b.getInt(64), b.getInt(68), b.getInt(72),
                b.getFloat(76), b.getFloat(80), b.getFloat(84),
                b.getInt(88), b.getInt(92), ascii(bytes, 104, 4), b.getInt(108),
                b.getInt(152), b.getInt(156),
                vec(b, 196), ascii(bytes, 208, 4), stamp, b.getFloat(216), labels,
                order, stampTrusted);
    }

    /** Encode as 1024 bytes in {@link #byteOrder()}; the machine stamp is written to match that order. */
    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(byteOrder);
        b.putInt(0, nx).putInt(4, ny).putInt(8, nz).putInt(12, mode);
        b.putInt(16, nxstart).putInt(20, nystart).putInt(24, nzstart);
        b.putInt(28, mx).putInt(32, my).putInt(36, mz);
        putVec(b, 40, cellA);
        putVec(b, 52, cellB);
        b.putInt(64, mapc).putInt(68, mapr).putInt(72, maps);
        b.putFloat(76, dmin).putFloat(80, dmax).putFloat(84, dmean);
        b.putInt(88, ispg).putInt(92, nsymbt);
        putAscii(b, 104, exttyp, 4);
        b.putInt(108, nversion);
        b.putInt(152, imodStamp).putInt(156, imodFlags);
        putVec(b, 196, origin);
        putAscii(b, 208, "MAP ", 4);
        byte[] stamp = stampFor(byteOrder);
        b.put(212, stamp[0]).put(213, stamp[1]).put(214, stamp[2]).put(215, stamp[3]);
        b.putFloat(216, rms);
        int n = Math.min(10, labels.size());
        b.putInt(220, n);
        for (int i = 0; i < n; i++) {
            putAscii(b, 224 + 80 * i, labels.get(i), 80);
        }
        return b.array();
    }

    /** The MRC2014 machine stamp for a byte order: 0x44 0x44 0 0 little-endian, 0x11 0x11 0 0 big-endian. */
    static byte[] stampFor(ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? new byte[] {0x44, 0x44, 0, 0} : new byte[] {0x11, 0x11, 0, 0};
    }

    /** The byte order a machine stamp declares, or null when the stamp is not a known one. */
    static ByteOrder orderFromStamp(byte[] header) {
        int b0 = header[212] & 0xFF;
        if (b0 == 0x44) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (b0 == 0x11) {
            return ByteOrder.BIG_ENDIAN;
        }
        return null;
    }

    private static Vec3 vec(ByteBuffer b, int off) {
        return new Vec3(b.getFloat(off), b.getFloat(off + 4), b.getFloat(off + 8));
    }

    private static void putVec(ByteBuffer b, int off, Vec3 v) {
        b.putFloat(off, (float) v.x()).putFloat(off + 4, (float) v.y()).putFloat(off + 8, (float) v.z());
    }

    private static String ascii(byte[] bytes, int off, int len) {
        int end = off;
        while (end < off + len && bytes[end] != 0) {
            end++;
        }
        StringBuilder s = new StringBuilder(end - off);
        for (int i = off; i < end; i++) {
            int c = bytes[i] & 0xFF;
            s.append(c >= 32 && c < 127 ? (char) c : '?');
        }
        return s.toString();
    }

    private static void putAscii(ByteBuffer b, int off, String s, int len) {
        byte[] text = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < len; i++) {
            b.put(off + i, i < text.length ? text[i] : (byte) (len == 80 ? ' ' : 0));
        }
    }
}
