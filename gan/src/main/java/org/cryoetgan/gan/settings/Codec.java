package org.cryoetgan.gan.settings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the values of one type are typed on the command line, stored in a JSON file and shown in tables.
 *
 * @param <T> the value type
 */
public interface Codec<T> {
    /** The value written as {@code text} (a command-line argument); throws IllegalArgumentException when it is none. */
    T parse(String text);

    /** The value as a JSON node. */
    JsonNode toJson(T value);

    /** The value of a JSON node; throws IllegalArgumentException, saying what was expected, when it is none. */
    T fromJson(JsonNode node);

    /** The value as a table shows it. */
    default String show(T value) {
        JsonNode n = toJson(value);
        return n.isValueNode() ? n.asText() : n.toString();
    }

    /** A value that the caller may change without changing {@code value} (the value itself when it is immutable). */
    default T copy(T value) {
        return value;
    }

    /** Whether a command-line option of this type is an on/off switch with a {@code --no-} form. */
    default boolean isSwitch() {
        return false;
    }
}
