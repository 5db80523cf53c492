package org.cryoetgan.gan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages under a prefix the Java sources of a folder name: by import (single, wildcard or static) or
 * written out in full in the code or its comments. The text is read, so a mention in a Javadoc link counts too.
 */
final class SourceMentions {
    private SourceMentions() {
    }

    /** The first name segment after {@code prefix.} of every mention in {@code source}, e.g. {@code train}. */
    static Set<String> in(String source, String prefix) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(prefix) + "\\.(\\w+)").matcher(source);
        Set<String> out = new TreeSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** For each {@code .java} file under {@code root} (by path relative to it), what {@link #in} finds. */
    static Map<Path, Set<String>> under(Path root, String prefix) {
        Map<Path, Set<String>> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                out.put(root.relativize(f), in(Files.readString(f), prefix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
