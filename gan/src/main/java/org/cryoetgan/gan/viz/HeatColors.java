package org.cryoetgan.gan.viz;

/**
 * The "hot" colour map (black → red → yellow → white) for magnitudes such as an uncertainty map, and alpha blending
 * of it over grey levels.
 */
public final class HeatColors {
    private HeatColors() {
    }

    /** RGB (0xRRGGBB) of {@code t} in [0, 1] (clipped). */
    public static int rgb(double t) {
        double v = Math.max(0, Math.min(1, t)) * 3;
        int r = channel(v);
        int g = channel(v - 1);
        int b = channel(v - 2);
        return (r << 16) | (g << 8) | b;
    }

    /**
     * The colour of {@code t} blended over a grey level with opacity {@code alpha · t}, so that low values leave
     * the grey image visible and high ones cover it.
     */
    public static int over(int grey, double t, double alpha) {
        double a = Math.max(0, Math.min(1, t)) * alpha;
        int c = rgb(t);
        int r = (int) Math.round((1 - a) * grey + a * ((c >> 16) & 255));
        int g = (int) Math.round((1 - a) * grey + a * ((c >> 8) & 255));
        int b = (int) Math.round((1 - a) * grey + a * (c & 255));
        return (r << 16) | (g << 8) | b;
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
