package bebop.io.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small models for tests, the same every time. */
final class Samples {
    private Samples() {}

    /** A config record of the kind a network passes. */
    record TinyConfig(String mode, int blocks, int cellsPerBlock, double learningRate, List<Integer> inputs) {}

    static Provenance provenance() {
        return new Provenance("0.1.0", Instant.parse("2026-01-02T03:04:05Z"), 42L,
                List.of("train", "--experiment", "melody", "--out", "m.bebop"),
                "sha256:" + "ab".repeat(32), "17.0.15", "simd");
    }

    static Map<String, Tensor> tensors() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("w_in", Tensor.matrix(2, 3, new double[] {0.5, -0.25, 1e-300, -0.0, 3.0, Math.PI}));
        t.put("bias", Tensor.vector(1.0, -1.0));
        t.put("scalar", new Tensor(new int[0], new double[] {7.0}));
        return t;
    }

    /** A tiny model: a few hundred bytes, for byte-by-byte damage tests. */
    static Model tiny() {
        Model m = Model.of("lstm-paper", provenance(), new TinyConfig("paper", 2, 2, 0.1, List.of(12, 13)), tensors());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("train_cross_entropy", 0.125);
        metrics.put("epochs", 3);
        return m.withMetrics(metrics);
    }
}
