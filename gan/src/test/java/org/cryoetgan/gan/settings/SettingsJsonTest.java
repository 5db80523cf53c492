package org.cryoetgan.gan.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsJsonTest {
    private enum Shape { CUBE, SPHERE }

    private static final Setting<Integer> SIZE = Setting.of("size", Codecs.INT).option("--size").help("Edge.")
            .in(Preset.DEMO, 8).value(40).rule(Rule.atLeast(1)).build();
    private static final Setting<Double> RATE = Setting.of("rate", Codecs.DOUBLE).option("--rate").help("Rate.")
            .value(5e-4).rule(Rule.positive()).build();
    private static final Setting<Boolean> NORM = Setting.of("norm", Codecs.SWITCH).option("--norm").value(true)
            .build();
    private static final Setting<Shape> SHAPE = Setting.of("shape", Codecs.enumOf(Shape.class)).value(Shape.CUBE)
            .build();
    private static final List<Setting<?>> TABLE = List.of(SIZE, RATE, NORM, SHAPE);

    @Test
    void writesOneIndentedFieldPerSettingInOrderAndReadsItBack() throws IOException {
        SettingValues v = SettingValues.of(TABLE, Preset.DEMO).with(SHAPE, Shape.SPHERE);
        String json = SettingsJson.write(v);
        assertEquals("{\n  \"size\" : 8,\n  \"rate\" : 5.0E-4,\n  \"norm\" : true,\n  \"shape\" : \"SPHERE\"\n}", json);
        assertEquals(v, SettingsJson.read(json, SettingValues.of(TABLE, Preset.PAPER)));
    }

    @Test
    void aMissingFieldTakesTheBaseValueAndAnUnknownOneIsRefused() throws IOException {
        SettingValues paper = SettingValues.of(TABLE, Preset.PAPER);
        SettingValues read = SettingsJson.read("{\"size\" : 12}", paper);
        assertEquals(12, read.get(SIZE));
        assertEquals(5e-4, read.get(RATE));
        IOException e = assertThrows(IOException.class, () -> SettingsJson.read("{\"sise\" : 12}", paper));
        assertTrue(e.getMessage().startsWith("unknown setting sise (known: size, rate, norm, shape)"), e.getMessage());
        IOException type = assertThrows(IOException.class, () -> SettingsJson.read("{\"norm\" : 1}", paper));
        assertEquals("norm: expected true or false, got 1", type.getMessage());
    }

    @Test
    void problemsNameTheOptionTheKeyTheRuleAndTheValue() {
        SettingValues v = SettingValues.of(TABLE, Preset.PAPER).with(SIZE, 0).with(RATE, Double.NaN);
        assertEquals(List.of("--size (size) must be >= 1, got 0", "--rate (rate) must be a finite number > 0, got NaN"),
                v.problems());
        assertEquals(40, SettingValues.of(TABLE, Preset.PAPER).get(SIZE), "with returns a copy");
    }

    @Test
    void codecsParseCommandLineTextOrSayWhatTheyExpect() {
        assertEquals(12, Codecs.INT.parse("12"));
        assertEquals(Shape.SPHERE, Codecs.enumOf(Shape.class).parse("sphere"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Codecs.INT.parse("1.5"));
        assertEquals("'1.5' is not an integer", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Codecs.enumOf(Shape.class).parse("cone"));
        assertEquals("'cone' is not one of cube | sphere", e.getMessage());
    }

    @Test
    void aSettingNeedsAValueInEveryPresetAndTheTableShowsThem() {
        assertThrows(IllegalStateException.class, () -> Setting.of("x", Codecs.INT).in(Preset.CPU, 1).build());
        assertEquals(Preset.REFERENCE_CODE, Preset.named("reference"));
        String table = PresetTable.markdown(TABLE);
        assertTrue(table.startsWith("| option | config.json | `paper` | `reference-code` | `cpu` | `demo` | meaning |\n"),
                table);
        assertTrue(table.contains("| `--size` | `size` | 40 | 40 | 40 | 8 | Edge. |\n"), table);
        assertTrue(!table.contains("`shape`"), "a setting without an option has no row");
    }
}
