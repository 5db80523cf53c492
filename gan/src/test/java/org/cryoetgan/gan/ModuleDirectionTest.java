package org.cryoetgan.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The modules depend one way: engine ← nn ← gan ← cli, with bench on engine and nn. No source of a module
 * (main or test) names a package of a module it may not use, e.g. nothing in nn or engine names
 * {@code org.cryoetgan.gan}. Reads the sibling modules' folders from the repository root.
 */
class ModuleDirectionTest {
    /** Each module and the modules it may use. */
    static final Map<String, Set<String>> USES = Map.of(
            "engine", Set.of(),
            "nn", Set.of("engine"),
            "gan", Set.of("engine", "nn"),
            "bench", Set.of("engine", "nn"),
            "cli", Set.of("engine", "nn", "gan"));
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theModulesAreThoseOfTheBuild() throws IOException {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        Set<String> modules = new LinkedHashSet<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        assertEquals(USES.keySet(), modules);
    }

    @Test
    void noModuleNamesAModuleItMayNotUse() {
        List<String> v = new ArrayList<>();
        USES.forEach((module, uses) -> {
            for (String tree : List.of("main", "test")) {
                Path src = ROOT.resolve(module).resolve("src").resolve(tree).resolve("java");
                SourceMentions.under(src, "org.cryoetgan").forEach((file, named) -> {
                    for (String other : named) {
                        if (!other.equals(module) && !uses.contains(other)) {
                            v.add(module + "/src/" + tree + "/java/" + file + " names org.cryoetgan." + other);
                        }
                    }
                });
            }
        });
        assertTrue(Files.isDirectory(ROOT.resolve("engine/src/main/java")), "repository root " + ROOT);
        assertTrue(v.isEmpty(), v.size() + " mentions against the module direction:\n  " + String.join("\n  ", v));
    }
}
