package bebop.io.model;

import bebop.UserError;
import bebop.music.BluesForm;
import bebop.nn.LstmConfig;
import bebop.nn.LstmNetwork;
import bebop.nn.Normalizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a paper-style LSTM in a model file: the network's config and named parameter arrays, the
 * input normalisation, which experiment it was trained for and on which form, and the training
 * settings and outcome; and reads it back into a working network.
 */
public final class LstmModels {
    public static final String KIND = "lstm-paper";
    static final String MEANS = "input.means";
    static final String SDS = "input.sds";

    /** What a model file holds, ready to run. */
    public record Loaded(Model model, String experiment, BluesForm.Variant form, LstmNetwork network,
                         Normalizer normalizer) {}

    private LstmModels() {}

    /**
     * The model of a trained network ({@code form} null for a network not trained on the blues). {@code settings} and {@code training} are any values Jackson can
     * write (the run's settings record; epochs, steps, convergence); they go into the header as they are.
     */
    public static Model toModel(String experiment, BluesForm.Variant form, LstmNetwork net, Normalizer norm,
                                Object settings, Object training, Provenance provenance) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        net.parameters().forEach((name, values) -> tensors.put(name, Tensor.vector(values)));
        tensors.put(MEANS, Tensor.vector(norm.means()));
        tensors.put(SDS, Tensor.vector(norm.sds()));
        ObjectNode extra = ModelJson.object();
        extra.put("experiment", experiment);
        if (form != null) {
            extra.put("form", form.label());
        }
        extra.set("settings", ModelJson.toTree(settings));
        extra.set("training", ModelJson.toTree(training));
        return Model.of(KIND, provenance, net.config(), tensors).withExtra(extra);
    }

    /** Reads a model file into a network; every problem is a UserError naming the file. */
    public static Loaded read(Path file) {
        return load(ModelFile.read(file, KIND), file.toString());
    }

    /** The same from a model file's bytes (a resource in the jar); {@code name} is what messages show. */
    public static Loaded fromBytes(byte[] bytes, String name) {
        Model model = ModelFile.fromBytes(bytes, name);
        if (!model.kind().equals(KIND)) {
            throw new UserError(name + ": holds a '" + model.kind() + "' model, expected a '" + KIND + "' model");
        }
        return load(model, name);
    }

    /** A model already read (any file of kind {@value #KIND}); {@code name} is what messages show. */
    public static Loaded of(Model model, String name) {
        if (!model.kind().equals(KIND)) {
            throw new UserError(name + ": holds a '" + model.kind() + "' model, expected a '" + KIND + "' model");
        }
        return load(model, name);
    }

    private static Loaded load(Model model, String file) {
        try {
            LstmConfig config = model.config(LstmConfig.class);
            Map<String, double[]> params = new LinkedHashMap<>();
            for (String name : LstmNetwork.create(config, 0L).parameterNames()) {
                params.put(name, model.tensor(name).values());
            }
            LstmNetwork net = LstmNetwork.fromParameters(config, params);
            Normalizer norm = new Normalizer(model.tensor(MEANS).values(), model.tensor(SDS).values());
            if (norm.units() != config.inputs()) {
                throw new IllegalArgumentException("normalisation has " + norm.units() + " units for "
                        + config.inputs() + " inputs");
            }
            JsonNode extra = model.extra();
            String experiment = text(extra, "experiment");
            // a model of other melodies over chords (train --data --trainer paper) has no blues form
            BluesForm.Variant form = extra.has("form") ? BluesForm.Variant.parse(text(extra, "form")) : BluesForm.Variant.PAPER;
            return new Loaded(model, experiment, form, net, norm);
        } catch (UserError e) {
            throw new UserError(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UserError(file + ": not a usable LSTM model: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("the header has no '" + field + "'");
        }
        return v.asText();
    }
}
