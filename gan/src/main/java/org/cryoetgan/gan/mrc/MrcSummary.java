package org.cryoetgan.gan.mrc;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.cryoetgan.gan.volume.VolumeStats;

/**
 * What {@code cryoetgan-cli inspect} reports for one file: the header's main fields and the statistics of the data
 * as read (x, y, z sizes after the axis order is applied). {@link #toMap()} gives the same content for JSON.
 */
public record MrcSummary(Path file, MrcData data, VolumeStats stats, List<String> defects) {

    /** The summary of a file read with {@link MrcReader#read}, its {@linkplain VolumeDefects defects} included. */
    public static MrcSummary of(Path file, MrcData data) throws java.io.IOException {
        return new MrcSummary(file, data, data.volume().stats(), VolumeDefects.of(file, data));
    }

    /** Ordered fields: plain values, lists and nested maps, ready for a JSON writer. */
    public Map<String, Object> toMap() {
        MrcHeader h = data.header();
        Volume v = data.volume();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("nx", v.nx());
        m.put("ny", v.ny());
        m.put("nz", v.nz());
        m.put("mode", h.mode());
        m.put("mode_name", h.dataMode().map(Enum::name).orElse("?"));
        m.put("voxel_size", list(v.voxelSize()));
        m.put("origin", list(v.origin()));
        m.put("axis_order", List.of(h.mapc(), h.mapr(), h.maps()));
        m.put("start", List.of(h.nxstart(), h.nystart(), h.nzstart()));
        m.put("sampling", List.of(h.mx(), h.my(), h.mz()));
        m.put("ispg", h.ispg());
        m.put("kind", h.isVolumeStack() ? "volume stack of " + data.volumes().size()
                : h.isImageStack() && v.nz() > 1 ? "image stack of " + v.nz() : "volume");
        m.put("byte_order", h.byteOrder().toString());
        m.put("machine_stamp", stamp(h.machineStamp()));
        m.put("stamp_trusted", h.stampTrusted());
        m.put("extended_header_bytes", h.nsymbt());
        m.put("extended_header_type", h.exttyp());
        m.put("nversion", h.nversion());
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("dmin", h.dmin());
        header.put("dmax", h.dmax());
        header.put("dmean", h.dmean());
        header.put("rms", h.rms());
        m.put("header_stats", header);
        m.put("min", stats.min());
        m.put("max", stats.max());
        m.put("mean", stats.mean());
        m.put("rms", stats.rms());
        m.put("labels", h.labels());
        m.put("warnings", defects);
        return m;
    }

    /** A few human-readable lines. */
    public String toText() {
        MrcHeader h = data.header();
        Volume v = data.volume();
        StringBuilder s = new StringBuilder();
        s.append(file).append('\n');
        s.append(String.format(Locale.ROOT, "  size       %d × %d × %d (x, y, z)   mode %d (%s)   %s%n", v.nx(), v.ny(), v.nz(),
                h.mode(), h.dataMode().map(Enum::name).orElse("?"), toMap().get("kind")));
        s.append(String.format(Locale.ROOT, "  voxel      %s Å%n", fmt(v.voxelSize())));
        s.append(String.format(Locale.ROOT, "  origin     %s Å%n", fmt(v.origin())));
        s.append(String.format(Locale.ROOT, "  axes       MAPC/MAPR/MAPS %d,%d,%d   start %d,%d,%d   sampling %d,%d,%d   ISPG %d%n",
                h.mapc(), h.mapr(), h.maps(), h.nxstart(), h.nystart(), h.nzstart(), h.mx(), h.my(), h.mz(), h.ispg()));
        s.append(String.format(Locale.ROOT, "  encoding   %s, machine stamp %s%s, extended header %d bytes%s%n",
                h.byteOrder(), stamp(h.machineStamp()), h.stampTrusted() ? "" : " (not trusted: order inferred)",
                h.nsymbt(), h.exttyp().isBlank() ? "" : " (" + h.exttyp() + ")"));
        s.append(String.format(Locale.ROOT, "  data       min %.6g   max %.6g   mean %.6g   rms %.6g%n",
                stats.min(), stats.max(), stats.mean(), stats.rms()));
        s.append(String.format(Locale.ROOT, "  header     dmin %.6g   dmax %.6g   dmean %.6g   rms %.6g%n",
                h.dmin(), h.dmax(), h.dmean(), h.rms()));
        for (String l : h.labels()) {
            s.append("  label      ").append(l).append('\n');
        }
        for (String d : defects) {
            s.append("  WARNING    ").append(d).append('\n');
        }
        return s.toString();
    }

    private static List<Double> list(Vec3 v) {
        return List.of(v.x(), v.y(), v.z());
    }

    private static String fmt(Vec3 v) {
        return String.format(Locale.ROOT, "%.5g, %.5g, %.5g", v.x(), v.y(), v.z());
    }

    private static String stamp(byte[] b) {
        return String.format("0x%02X%02X%02X%02X", b[0], b[1], b[2], b[3]);
    }
}
