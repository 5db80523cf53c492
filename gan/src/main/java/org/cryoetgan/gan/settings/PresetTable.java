package org.cryoetgan.gan.settings;

import java.util.List;

/** A Markdown table of settings with their value in every preset: the README's preset table. */
public final class PresetTable {
    private PresetTable() {
    }

    /** One row per setting that has an option: option, JSON key, one column per preset, meaning. */
    public static String markdown(List<Setting<?>> settings) {
        StringBuilder s = new StringBuilder("| option | config.json |");
        for (Preset p : Preset.values()) {
            s.append(" `").append(p.id()).append("` |");
        }
        s.append(" meaning |\n|---|---|");
        s.append("---|".repeat(Preset.values().length)).append("---|\n");
        for (Setting<?> setting : settings) {
            if (setting.option().isEmpty()) {
                continue;
            }
            s.append("| `").append(setting.option().get()).append("` | `").append(setting.key()).append("` |");
            for (Preset p : Preset.values()) {
                s.append(' ').append(cell(shown(setting, p))).append(" |");
            }
            s.append(' ').append(cell(setting.help())).append(" |\n");
        }
        return s.toString();
    }

    /** The value of {@code setting} in {@code preset} as tables and help show it. */
    public static <T> String shown(Setting<T> setting, Preset preset) {
        return setting.codec().show(setting.defaultIn(preset));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
