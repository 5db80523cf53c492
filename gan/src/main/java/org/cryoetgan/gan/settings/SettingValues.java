package org.cryoetgan.gan.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value for each setting of a list, immutable: {@link #with} returns a changed copy. The list's order is that of
 * the JSON file and the tables.
 */
public final class SettingValues {
    private final List<Setting<?>> settings;
    private final Map<Setting<?>, Object> values;

    private SettingValues(List<Setting<?>> settings, Map<Setting<?>, Object> values) {
        this.settings = settings;
        this.values = values;
    }

    /** Every setting of {@code settings} at its value in {@code preset}. */
    public static SettingValues of(List<Setting<?>> settings, Preset preset) {
        Map<Setting<?>, Object> v = new LinkedHashMap<>();
        for (Setting<?> s : settings) {
            v.put(s, s.defaultIn(preset));
        }
        return new SettingValues(List.copyOf(settings), Collections.unmodifiableMap(v));
    }

    /** The settings, in order. */
    public List<Setting<?>> settings() {
        return settings;
    }

    /** The value of {@code setting}, which must be one of {@link #settings()}. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!values.containsKey(setting)) {
            throw new IllegalArgumentException("not a setting here: " + setting);
        }
        return setting.codec().copy((T) values.get(setting));
    }

    /** A copy with {@code setting} at {@code value}. */
    public <T> SettingValues with(Setting<T> setting, T value) {
        get(setting);
        Map<Setting<?>, Object> v = new LinkedHashMap<>(values);
        v.put(setting, setting.codec().copy(value));
        return new SettingValues(settings, Collections.unmodifiableMap(v));
    }

    /** One line per value that its setting's rule refuses, in the settings' order. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        for (Setting<?> s : settings) {
            problem(s).ifPresent(p::add);
        }
        return p;
    }

    private <T> java.util.Optional<String> problem(Setting<T> s) {
        return s.problem(get(s));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValues other && settings.equals(other.settings)
                && SettingsJson.write(this).equals(SettingsJson.write(other));
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings, SettingsJson.write(this));
    }
}
