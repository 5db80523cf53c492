package org.cryoetgan.gan.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The codecs of plain values: integers, longs, doubles, switches, text and enums. */
public final class Codecs {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A 32-bit integer. */
    public static final Codec<Integer> INT = new Plain<>("an integer", Integer::valueOf, NODES::numberNode,
            JsonNode::canConvertToInt, JsonNode::asInt);
    /** A 64-bit integer. */
    public static final Codec<Long> LONG = new Plain<>("an integer", Long::valueOf, NODES::numberNode,
            JsonNode::canConvertToLong, JsonNode::asLong);
    /** A double ({@code NaN} and {@code Infinity} are read, and then refused by the rules that ask for finite). */
    public static final Codec<Double> DOUBLE = new Plain<>("a number", Double::valueOf, NODES::numberNode,
            n -> n.isNumber() || n.isTextual(), n -> n.isNumber() ? n.asDouble() : Double.valueOf(n.asText()));
    /** Text. */
    public static final Codec<String> TEXT = new Plain<>("text", s -> s, NODES::textNode, JsonNode::isTextual,
            JsonNode::asText);
    /** A switch: {@code --name} or {@code --no-name} on the command line, true or false in JSON. */
    public static final Codec<Boolean> SWITCH = new Plain<>("true or false", Codecs::bool, NODES::booleanNode,
            JsonNode::isBoolean, JsonNode::asBoolean) {
        @Override
        public boolean isSwitch() {
            return true;
        }
    };

    private Codecs() {
    }

    /**
     * An enum stored under its constant's name ({@code GLOBAL_ZSCORE}) and typed as {@code parser} reads it (for
     * most, the name in any case).
     */
    public static <E extends Enum<E>> Codec<E> enumOf(Class<E> type, Function<String, E> parser) {
        String names = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" | "));
        Function<String, E> read = s -> {
            try {
                return parser.apply(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + s + "' is not one of " + names);
            }
        };
        return new Plain<>(names, read, e -> NODES.textNode(e.name()), JsonNode::isTextual,
                n -> read.apply(n.asText()));
    }

    /** An enum typed as its constant's name in any case. */
    public static <E extends Enum<E>> Codec<E> enumOf(Class<E> type) {
        return enumOf(type, s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT)));
    }

    private static Boolean bool(String s) {
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.valueOf(s);
        }
        throw new IllegalArgumentException("'" + s + "' is not true or false");
    }

    /** A codec from a parser, a JSON writer, a JSON type check and a JSON reader. */
    private static class Plain<T> implements Codec<T> {
        private final String expected;
        private final Function<String, T> parser;
        private final Function<T, JsonNode> writer;
        private final Predicate<JsonNode> readable;
        private final Function<JsonNode, T> reader;

        Plain(String expected, Function<String, T> parser, Function<T, JsonNode> writer, Predicate<JsonNode> readable,
                Function<JsonNode, T> reader) {
            this.expected = expected;
            this.parser = parser;
            this.writer = writer;
            this.readable = readable;
            this.reader = reader;
        }

        @Override
        public T parse(String text) {
            try {
                return parser.apply(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not " + expected);
            }
        }

        @Override
        public JsonNode toJson(T value) {
            return writer.apply(value);
        }

        @Override
        public T fromJson(JsonNode node) {
            if (!readable.test(node)) {
                throw new IllegalArgumentException("expected " + expected + ", got " + node);
            }
            try {
                return reader.apply(node);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected " + expected + ", got " + node);
            }
        }
    }
}
