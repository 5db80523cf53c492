package org.cryoetgan.gan.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Setting values as a JSON object, one field per setting in the settings' order, indented as Jackson indents
 * ({@code "key" : value}). Reading takes every field that is missing (a file written before the setting existed)
 * from the given base values, and refuses fields that are no setting.
 */
public final class SettingsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SettingsJson() {
    }

    /** The values as indented JSON text, with no newline at the end. */
    public static String write(SettingValues values) {
        ObjectNode root = JSON.createObjectNode();
        for (Setting<?> s : values.settings()) {
            root.set(s.key(), node(values, s));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> JsonNode node(SettingValues values, Setting<T> s) {
        return s.codec().toJson(values.get(s));
    }

    /**
     * The values that {@code json} states, the others from {@code base}. Throws IOException naming the field when
     * one is unknown or holds a value of the wrong type.
     */
    public static SettingValues read(String json, SettingValues base) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("expected a JSON object of settings, got " + (root == null ? "nothing" : root));
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (base.settings().stream().noneMatch(s -> s.key().equals(key))) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IOException("unknown setting" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + " (known: " + String.join(", ", base.settings().stream().map(Setting::key).toList()) + ")");
        }
        SettingValues v = base;
        for (Setting<?> s : base.settings()) {
            if (root.has(s.key())) {
                v = withNode(v, s, root.get(s.key()));
            }
        }
        return v;
    }

    private static <T> SettingValues withNode(SettingValues v, Setting<T> s, JsonNode node) throws IOException {
        try {
            return v.with(s, s.codec().fromJson(node));
        } catch (IllegalArgumentException e) {
            throw new IOException(s.key() + ": " + e.getMessage(), e);
        }
    }
}
