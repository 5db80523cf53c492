package org.cryoetgan.cli;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.gan.settings.Preset;
import org.cryoetgan.gan.settings.PresetTable;
import org.cryoetgan.gan.settings.Setting;
import org.cryoetgan.gan.train.TrainingConfig;
import org.cryoetgan.gan.train.TrainingSettings;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code train} made from {@link TrainingSettings}: one per setting that has an option, its help
 * ending with the setting's value in each preset. Values are read with the setting's own codec, so a bad one is
 * refused in one line naming the option.
 */
final class SettingOptions {

    private SettingOptions() {
    }

    /** {@code train}'s command line with an option for every training setting added. */
    static CommandLine addTo(CommandLine train) {
        for (Setting<?> s : TrainingSettings.ALL) {
            s.option().ifPresent(name -> train.getCommandSpec().addOption(option(s, name)));
        }
        return train;
    }

    private static OptionSpec option(Setting<?> s, String name) {
        OptionSpec.Builder b = OptionSpec.builder(name).description(s.help() + " " + defaults(s));
        if (s.codec().isSwitch()) {
            return b.type(Boolean.class).arity("0").negatable(true).build();
        }
        return b.type(String.class).paramLabel(s.paramLabel().orElse("<" + s.key() + ">"))
                .converters(text -> checked(s, text)).build();
    }

    /** {@code text} when {@code s}'s codec reads it; else picocli's conversion error, saying what was expected. */
    private static String checked(Setting<?> s, String text) {
        try {
            s.codec().parse(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** "(paper 40, reference-code 40, cpu 28, demo 28)", or "(every preset: 10)" when they agree. */
    static String defaults(Setting<?> s) {
        List<String> values = new ArrayList<>();
        for (Preset p : Preset.values()) {
            values.add(PresetTable.shown(s, p));
        }
        if (values.stream().distinct().count() == 1) {
            return "(every preset: " + values.get(0) + ")";
        }
        List<String> each = new ArrayList<>();
        for (Preset p : Preset.values()) {
            each.add(p.id() + " " + values.get(p.ordinal()));
        }
        return "(" + String.join(", ", each) + ")";
    }

    /** Whether {@code setting}'s option was given. */
    static boolean given(ParseResult parsed, Setting<?> setting) {
        return setting.option().map(parsed::hasMatchedOption).orElse(false);
    }

    /** {@code base} with the value of every setting option that {@code parsed} holds. */
    static TrainingConfig applied(TrainingConfig base, ParseResult parsed) {
        TrainingConfig c = base;
        for (Setting<?> s : TrainingSettings.ALL) {
            c = applied(c, parsed, s);
        }
        return c;
    }

    private static <T> TrainingConfig applied(TrainingConfig c, ParseResult parsed, Setting<T> s) {
        if (!given(parsed, s)) {
            return c;
        }
        String name = s.option().orElseThrow();
        Object raw = parsed.matchedOptionValue(name, null);
        try {
            return c.with(s, s.codec().parse(String.valueOf(raw)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
