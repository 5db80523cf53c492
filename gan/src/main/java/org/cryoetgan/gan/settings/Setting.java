package org.cryoetgan.gan.settings;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One setting, defined once: its key in the JSON file, its command-line option, its type, what it means, its value
 * in each {@link Preset} and the rule its values obey. Build one with {@link #of}.
 *
 * @param <T> the value type
 */
public final class Setting<T> {
    private final String key;
    private final String option;
    private final String paramLabel;
    private final Codec<T> codec;
    private final String help;
    private final Map<Preset, T> defaults;
    private final Rule<T> rule;

    private Setting(Builder<T> b) {
        this.key = b.key;
        this.option = b.option;
        this.paramLabel = b.paramLabel;
        this.codec = b.codec;
        this.help = b.help;
        this.defaults = new EnumMap<>(b.defaults);
        this.rule = b.rule;
    }

    /** A builder of the setting stored under {@code key} with values of {@code codec}'s type. */
    public static <T> Builder<T> of(String key, Codec<T> codec) {
        return new Builder<>(key, codec);
    }

    /** The key in the JSON file, e.g. {@code generatorWidth}. */
    public String key() {
        return key;
    }

    /** The command-line option, e.g. {@code --width}; empty for a setting that has none. */
    public Optional<String> option() {
        return Optional.ofNullable(option);
    }

    /** The placeholder of the option's value in the help, e.g. {@code STEPS}; empty for picocli's own. */
    public Optional<String> paramLabel() {
        return Optional.ofNullable(paramLabel);
    }

    /** How its values are typed, stored and shown. */
    public Codec<T> codec() {
        return codec;
    }

    /** What it means, one or two sentences. */
    public String help() {
        return help;
    }

    /** Its value in {@code preset}. */
    public T defaultIn(Preset preset) {
        return defaults.get(preset);
    }

    /** How the problems name it: {@code --box (box)}, or the key alone when it has no option. */
    public String label() {
        return option == null ? key : option + " (" + key + ")";
    }

    /** What is wrong with {@code value} in one line, empty when the rule allows it. */
    public Optional<String> problem(T value) {
        return rule.test().test(value) ? Optional.empty()
                : Optional.of(label() + " must be " + rule.wording() + ", got " + value);
    }

    @Override
    public String toString() {
        return key;
    }

    /**
     * Collects a setting's parts. {@link #value} sets the paper preset's value and, until {@link #in} says
     * otherwise, every other preset's.
     *
     * @param <T> the value type
     */
    public static final class Builder<T> {
        private final String key;
        private final Codec<T> codec;
        private String option;
        private String paramLabel;
        private String help = "";
        private final Map<Preset, T> defaults = new EnumMap<>(Preset.class);
        private Rule<T> rule = Rule.any();

        private Builder(String key, Codec<T> codec) {
            this.key = key;
            this.codec = codec;
        }

        /** The command-line option, e.g. {@code --width}. */
        public Builder<T> option(String name) {
            this.option = name;
            return this;
        }

        /** The option with the placeholder {@code label} for its value in the help. */
        public Builder<T> option(String name, String label) {
            this.paramLabel = label;
            return option(name);
        }

        /** What the setting means. */
        public Builder<T> help(String text) {
            this.help = text;
            return this;
        }

        /** The value of every preset not given one by {@link #in}. */
        public Builder<T> value(T value) {
            for (Preset p : Preset.values()) {
                defaults.putIfAbsent(p, value);
            }
            return this;
        }

        /** The value in {@code preset}. */
        public Builder<T> in(Preset preset, T value) {
            defaults.put(preset, value);
            return this;
        }

        /** The rule its values obey. */
        public Builder<T> rule(Rule<T> r) {
            this.rule = r;
            return this;
        }

        /** The setting; every preset must have a value. */
        public Setting<T> build() {
            if (defaults.size() != Preset.values().length) {
                throw new IllegalStateException(key + ": a value for every preset is needed, got " + defaults);
            }
            return new Setting<>(this);
        }
    }
}
