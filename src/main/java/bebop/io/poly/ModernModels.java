package bebop.io.poly;

import bebop.UserError;
import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import bebop.io.model.ModelJson;
import bebop.io.model.Provenance;
import bebop.io.model.Tensor;
import bebop.nn.modern.LstmStack;
import bebop.nn.modern.LstmStackConfig;
import bebop.train.modern.ModernSettings;
import bebop.train.modern.TrainerState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Model files and checkpoints of the modern trainer, in the project's model file format
 * ({@link ModelFile}: JSON header, float64 tensors, SHA-256; written atomically).
 *
 * <h2>Model ({@value #KIND})</h2>
 * config: the {@link LstmStackConfig}; tensors: the network's blocks by name ({@code lstm.0.W}
 * ({@code (in+H) x 4H}, gates i f g o), {@code lstm.0.b}, ..., {@code out.W}, {@code out.b}, and
 * with a NADE output {@code nade.Wc}, {@code nade.c}, {@code nade.W}, {@code nade.V}); extra:
 * {@code output} ({@code bernoulli} or {@code nade}; the config's {@code nadeHidden} says the same,
 * and a file without either, written before the NADE existed, is a Bernoulli model),
 * {@code settings}, {@code training}; metrics as given.
 *
 * <h2>Checkpoint ({@value #CHECKPOINT_KIND})</h2>
 * config: the {@link LstmStackConfig}; extra: {@code settings}, {@code epoch}, {@code adam_steps},
 * {@code rng_state} (16 hex digits), {@code best_epoch}, {@code best_valid_bits} (the IEEE bits of
 * the best validation NLL, 16 hex digits), {@code bad_epochs}, {@code learning_rate_bits} (the
 * IEEE bits of the next epoch's learning rate; a checkpoint without it, from before learning-rate
 * decay, reads as the settings' rate), {@code decay_bad_epochs} (absent: 0), {@code seconds},
 * {@code steps}, {@code data_fingerprint}; tensors: {@code params}, {@code adam.m}, {@code adam.v},
 * {@code best}, {@code next_order} (the next epoch's piece order), {@code curve.train},
 * {@code curve.valid}. Floats are stored as the doubles they convert to and read back exactly, so a
 * checkpoint restores a run bit for bit.
 */
public final class ModernModels {
    public static final String KIND = "lstm-modern";
    public static final String CHECKPOINT_KIND = "lstm-modern-checkpoint";

    private ModernModels() {}

    /** The model of a trained network. */
    public static Model toModel(LstmStack net, ModernSettings settings, Object training, Object metrics,
                                Provenance provenance) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        float[] p = net.parameters();
        for (LstmStack.Block b : net.blocks()) {
            tensors.put(b.name(), Tensor.matrix(b.rows(), b.cols(), widen(p, b.offset(), b.size())));
        }
        ObjectNode extra = ModelJson.object();
        extra.put("output", net.config().outputKind());
        extra.set("settings", ModelJson.toTree(settings));
        extra.set("training", ModelJson.toTree(training));
        return Model.of(KIND, provenance, net.config(), tensors).withExtra(extra).withMetrics(metrics);
    }

    /** Reads a modern model file into a network. */
    public static LstmStack read(Path file) {
        return of(ModelFile.read(file, KIND), file.toString());
    }

    /** The network of a model already read; {@code file} names it in messages. */
    public static LstmStack of(Model m, String file) {
        if (!m.kind().equals(KIND)) {
            throw new UserError(file + ": holds a '" + m.kind() + "' model, expected a '" + KIND + "' model");
        }
        try {
            LstmStackConfig config = m.config(LstmStackConfig.class);
            LstmStack shape = LstmStack.create(config, new bebop.nn.modern.Rng(0));
            float[] p = new float[shape.parameterCount()];
            for (LstmStack.Block b : shape.blocks()) {
                narrow(m.tensor(b.name()).values(), p, b.offset(), b.size(), b.name());
            }
            return LstmStack.fromParameters(config, p);
        } catch (UserError e) {
            throw new UserError(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UserError(file + ": not a usable modern LSTM model: " + e.getMessage(), e);
        }
    }

    /** The checkpoint model of a training state. */
    public static Model toCheckpoint(TrainerState s, Provenance provenance) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("params", Tensor.vector(widen(s.parameters(), 0, s.parameters().length)));
        t.put("adam.m", Tensor.vector(widen(s.adamFirst(), 0, s.adamFirst().length)));
        t.put("adam.v", Tensor.vector(widen(s.adamSecond(), 0, s.adamSecond().length)));
        t.put("best", Tensor.vector(widen(s.bestParameters(), 0, s.bestParameters().length)));
        double[] order = new double[s.nextOrder().length];
        for (int i = 0; i < order.length; i++) {
            order[i] = s.nextOrder()[i];
        }
        t.put("next_order", Tensor.vector(order));
        t.put("curve.train", Tensor.vector(s.trainCurve()));
        t.put("curve.valid", Tensor.vector(s.validCurve()));
        ObjectNode extra = ModelJson.object();
        extra.set("settings", ModelJson.toTree(s.settings()));
        extra.put("epoch", s.epoch());
        extra.put("adam_steps", s.adamSteps());
        extra.put("rng_state", String.format("%016x", s.rngState()));
        extra.put("best_epoch", s.bestEpoch());
        extra.put("best_valid_bits", String.format("%016x", Double.doubleToRawLongBits(s.bestValid())));
        extra.put("best_valid", s.bestValid());
        extra.put("bad_epochs", s.badEpochs());
        extra.put("learning_rate_bits", String.format("%016x", Double.doubleToRawLongBits(s.learningRate())));
        extra.put("learning_rate", s.learningRate());
        extra.put("decay_bad_epochs", s.decayBadEpochs());
        extra.put("seconds_bits", String.format("%016x", Double.doubleToRawLongBits(s.seconds())));
        extra.put("steps", s.steps());
        extra.put("data_fingerprint", s.dataFingerprint());
        return Model.of(CHECKPOINT_KIND, provenance, s.config(), t).withExtra(extra);
    }

    /** Writes a checkpoint atomically. */
    public static void writeCheckpoint(Path file, TrainerState s, Provenance provenance) {
        ModelFile.write(file, toCheckpoint(s, provenance));
    }

    /** Reads a checkpoint; every problem is a UserError naming the file. */
    public static TrainerState readCheckpoint(Path file) {
        return checkpoint(ModelFile.read(file, CHECKPOINT_KIND), file);
    }

    /** The trainer's state in {@code m}, a checkpoint already read from {@code file} (named in errors). */
    public static TrainerState checkpoint(Model m, Path file) {
        try {
            LstmStackConfig config = m.config(LstmStackConfig.class);
            JsonNode x = m.extra();
            ModernSettings settings = ModelJson.fromTree(x.get("settings"), ModernSettings.class);
            int n = m.tensor("params").size();
            float[] params = narrow(m.tensor("params").values(), "params");
            float[] am = narrow(m.tensor("adam.m").values(), "adam.m");
            float[] av = narrow(m.tensor("adam.v").values(), "adam.v");
            float[] best = narrow(m.tensor("best").values(), "best");
            if (am.length != n || av.length != n || best.length != n) {
                throw new IllegalArgumentException("parameter arrays of different sizes");
            }
            double[] o = m.tensor("next_order").values();
            int[] order = new int[o.length];
            for (int i = 0; i < o.length; i++) {
                order[i] = (int) o[i];
            }
            double rate = x.has("learning_rate_bits")
                    ? Double.longBitsToDouble(Long.parseUnsignedLong(text(x, "learning_rate_bits"), 16))
                    : settings.learningRate();
            int decayBad = x.has("decay_bad_epochs") ? x.get("decay_bad_epochs").asInt() : 0;
            return new TrainerState(settings, config, text(x, "data_fingerprint"), x.get("epoch").asInt(), params, am, av,
                    x.get("adam_steps").asLong(), Long.parseUnsignedLong(text(x, "rng_state"), 16), order, best,
                    x.get("best_epoch").asInt(), Double.longBitsToDouble(Long.parseUnsignedLong(text(x, "best_valid_bits"), 16)),
                    x.get("bad_epochs").asInt(), rate, decayBad, m.tensor("curve.train").values(), m.tensor("curve.valid").values(),
                    Double.longBitsToDouble(Long.parseUnsignedLong(text(x, "seconds_bits"), 16)), x.get("steps").asLong());
        } catch (UserError e) {
            throw new UserError(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UserError(file + ": not a usable checkpoint: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("the header has no '" + field + "'");
        }
        return v.asText();
    }

    private static double[] widen(float[] a, int off, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = a[off + i];
        }
        return d;
    }

    private static float[] narrow(double[] d, String name) {
        float[] f = new float[d.length];
        narrow(d, f, 0, d.length, name);
        return f;
    }

    private static void narrow(double[] d, float[] dst, int off, int n, String name) {
        if (d.length != n) {
            throw new IllegalArgumentException("'" + name + "' has " + d.length + " values, expected " + n);
        }
        for (int i = 0; i < n; i++) {
            dst[off + i] = (float) d[i];
        }
    }
}
