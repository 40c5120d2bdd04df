package bebop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/ARCHITECTURE.md, checked against the code: each package of src/main names
 * (by import or by qualified name) only the packages its row allows; and within the engine the
 * kernels are leaves, naming none of the classes that call them.
 */
class LayersTest {
    /** Package -> the packages it may use (besides itself and the root package's UserError and Version). */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("music", Set.of()),
            Map.entry("encoding", Set.of("music")),
            Map.entry("data", Set.of("music", "encoding")),
            Map.entry("nn", Set.of()),
            Map.entry("train", Set.of("music", "encoding", "data", "nn")),
            Map.entry("compose", Set.of("music", "encoding", "data", "nn")),
            Map.entry("eval", Set.of("music", "encoding", "data", "nn", "train", "compose")),
            Map.entry("io", Set.of("music", "encoding", "data", "nn", "train", "compose", "eval")),
            Map.entry("bench", Set.of("music", "encoding", "data", "nn", "train")),
            Map.entry("app", Set.of("music", "encoding", "data", "nn", "train", "compose", "eval", "io", "bench")),
            Map.entry("jam", Set.of("music", "encoding", "data", "nn", "train", "compose", "eval", "io", "bench", "app")),
            Map.entry("studio", Set.of("music", "app", "jam")),
            Map.entry("cli", Set.of("music", "encoding", "data", "nn", "train", "compose", "eval", "io", "bench", "app", "jam",
                    "studio")));

    private static final Pattern USE = Pattern.compile("\\bbebop\\.([a-z]+)\\.");

    @Test
    void everyPackageUsesOnlyTheLayersBelowIt() throws Exception {
        Path root = Path.of("src", "main", "java", "bebop");
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path rel = root.relativize(file);
                if (rel.getNameCount() < 2) {
                    continue;
                }
                String layer = rel.getName(0).toString();
                Set<String> allowed = MAY_USE.get(layer);
                if (allowed == null) {
                    wrong.add(rel + ": package " + layer + " has no row in the layer table");
                    continue;
                }
                Matcher m = USE.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(layer) && !allowed.contains(used)) {
                        wrong.add(rel + " uses bebop." + used);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong.stream().distinct().toList());
    }

    /** The engine's kernels, and the classes of their package they may name: constants and the squashing functions. */
    private static final Map<String, Set<String>> KERNELS = Map.of(
            "nn/Kernels.java", Set.of("LstmNetwork", "Aligned"),
            "nn/VectorKernels.java", Set.of("Kernels", "LstmNetwork", "Activations", "VectorExp"),
            "nn/VectorExp.java", Set.of(),
            "nn/modern/Kernels.java", Set.of("FloatVectorKernels"),
            "nn/modern/FloatVectorKernels.java", Set.of("Kernels"),
            "nn/modern/VectorCells.java", Set.of("LstmStack"));

    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*(?s:.*?)\\*/");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9]*\\b");

    @Test
    void theKernelsNameNoClassThatCallsThem() throws Exception {
        Path root = Path.of("src", "main", "java", "bebop");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> kernel : KERNELS.entrySet()) {
            Path file = root.resolve(kernel.getKey());
            Set<String> siblings = new java.util.HashSet<>();
            try (Stream<Path> files = Files.list(file.getParent())) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java"))
                        .forEach(n -> siblings.add(n.substring(0, n.length() - ".java".length())));
            }
            String self = file.getFileName().toString().replace(".java", "");
            Matcher m = CLASS_NAME.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(""));
            while (m.find()) {
                String name = m.group();
                if (siblings.contains(name) && !name.equals(self) && !kernel.getValue().contains(name)) {
                    wrong.add(kernel.getKey() + " names " + name);
                }
            }
        }
        assertEquals(List.of(), wrong.stream().distinct().toList());
    }
}
