package bebop.app;

import bebop.encoding.FrameFormat;
import bebop.io.model.LstmModels;
import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import bebop.io.model.ModelJson;
import bebop.io.poly.ModernModels;
import bebop.nn.LstmConfig;
import bebop.nn.LstmNetwork;
import bebop.nn.modern.LstmStack;
import bebop.nn.modern.LstmStackConfig;
import bebop.train.Experiment1Settings;
import bebop.train.Experiment2Settings;
import bebop.train.PaperNetworkSettings;
import bebop.train.modern.ModernSettings;
import bebop.train.modern.TrainerState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a model file is, told to a person ({@code bebop inspect M.bebop}, the studio's model list): its
 * kind, a sentence, its network, how it learned, and what its header records of how it was trained and
 * how it measured.
 *
 * @param kind        "blues (chords and melody)", "blues (chords)", "chords and melody" (an imported
 *                    corpus), "piano roll" or "checkpoint"
 * @param melody      whether it composes a melody over chords (a blues model of Experiment 2, a corpus model)
 * @param description the model in a sentence: its label with its experiment, form and seed, or its data set
 * @param about       the same without the label: "melody, paper form, seed 1", "trained on jsb"
 * @param network     "the paper's LSTM: 8 blocks x 2 cells, 25 inputs, 25 outputs, 1,558 weights"
 * @param frames      what a frame of its music holds: "12 chord units and 13 melody units (MIDI 60-72), ..."
 *                    (null for a checkpoint)
 * @param learning    the learning algorithm and its settings, as {@code train} printed them; null when the
 *                    file does not record settings this bebop reads
 * @param training    how the training went: epochs, steps, why it stopped; null when the file does not say
 * @param metrics     the header's metrics (the evaluation at training), null when it has none
 * @param provenance  the header's provenance: bebop and Java versions, date, seed, the command line
 */
public record ModelSummary(String kind, boolean melody, String description, String about, String network,
                           String frames, String learning, String training, JsonNode metrics, JsonNode provenance) {
    /** The summary of the model in {@code file} (null: the bundled one), or of a training's checkpoint. */
    public static ModelSummary of(Path file) {
        if (file == null) {
            return of(Models.bundled());
        }
        Model m = ModelFile.read(file);
        if (m.kind().equals(ModernModels.CHECKPOINT_KIND)) {
            return checkpoint(file, m);
        }
        return of(Models.load(m, file));
    }

    private static ModelSummary checkpoint(Path file, Model m) {
        TrainerState s = ModernModels.checkpoint(m, file);
        JsonNode provenance = ModelFile.header(m).get("provenance");
        String about = String.format(Locale.ROOT, "the modern trainer's state after epoch %d of at most %d (best epoch %d, "
                + "valid NLL %.4f; %.0f s of training): train --resume %s trains on from it", s.epoch(),
                s.settings().maxEpochs(), s.bestEpoch(), s.bestValid(), s.seconds(), file);
        return new ModelSummary("checkpoint", false, about, about, modernNetwork(s.config(), s.parameters().length), null,
                modernLearning(s.settings()), null, null, provenance);
    }

    public static ModelSummary of(LoadedModel m) {
        ObjectNode header = Models.header(m);
        JsonNode metrics = header.get("metrics");
        JsonNode provenance = header.get("provenance");
        JsonNode extra = header.path("extra");
        String training = training(extra.path("training"));
        if (m instanceof BluesModel b) {
            return new ModelSummary(b.melody() ? "blues (chords and melody)" : "blues (chords)", b.melody(), b.describe(),
                    b.settings(), paperNetwork(b.model().network()), FrameFormat.blues(b.units()).describe(),
                    paperLearning(b.model().experiment(), extra.path("settings")), training, metrics, provenance);
        }
        DataModel d = (DataModel) m;
        FrameFormat format = d.format();
        String kind = format.isPianoRoll() ? "piano roll" : format.chordConditioned() ? "chords and melody" : "chords";
        String trainedOn = "trained on " + d.dataset();
        String network;
        String learning;
        if (d.model().kind().equals(ModernModels.KIND)) {
            LstmStack net = ModernModels.of(d.model(), d.label());
            network = modernNetwork(net.config(), net.parameterCount());
            learning = modernLearning(settings(extra.path("settings"), ModernSettings.class));
        } else {
            network = paperNetwork(LstmModels.of(d.model(), d.label()).network());
            learning = paperLearning(extra.path("experiment").asText(""), extra.path("settings"));
        }
        return new ModelSummary(kind, format.chordConditioned(), trainedOn, trainedOn, network, format.describe(), learning,
                training, metrics, provenance);
    }

    private static String paperNetwork(LstmNetwork net) {
        LstmConfig c = net.config();
        return String.format(Locale.ROOT, "the paper's LSTM: %d blocks x %d cells%s, %d inputs, %d outputs, %,d weights",
                c.blocks(), c.cellsPerBlock(), c.peepholes() ? ", peepholes" : "", c.inputs(), c.outputs(),
                net.parameterCount());
    }

    private static String modernNetwork(LstmStackConfig c, int weights) {
        return String.format(Locale.ROOT, "LSTM %s, %d inputs, %s output of %d units, %,d weights", c.layers(), c.inputs(),
                c.nade() ? "NADE (" + c.nadeHidden() + " hidden)" : "Bernoulli", c.outputs(), weights);
    }

    /** Experiment 1's settings for the chord models, Experiment 2's for the others (melody, corpus). */
    private static String paperLearning(String experiment, JsonNode settings) {
        PaperNetworkSettings<?> s = experiment.equals("chords") ? settings(settings, Experiment1Settings.class)
                : settings(settings, Experiment2Settings.class);
        return s == null ? null : s.describeLearning();
    }

    private static String modernLearning(ModernSettings s) {
        return s == null ? null : s.describeRecipe() + ", seed " + s.seed();
    }

    /** The settings a file records, or null when it records none or settings of an older bebop that this one cannot read. */
    private static <T> T settings(JsonNode tree, Class<T> type) {
        if (!tree.isObject()) {
            return null;
        }
        try {
            return ModelJson.fromTree(tree, type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** "88 epochs, 8,448 steps, met its stop test", "3 epochs (best 3), 943,488 steps in 25.5 s, stopped by time". */
    private static String training(JsonNode t) {
        if (!t.has("epochs")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "%,d epochs%s", t.get("epochs").asLong(),
                t.has("best_epoch") ? " (best " + t.get("best_epoch").asInt() + ")" : ""));
        if (t.has("steps")) {
            parts.add(String.format(Locale.ROOT, "%,d steps%s", t.get("steps").asLong(),
                    t.has("seconds") ? String.format(Locale.ROOT, " in %.1f s", t.get("seconds").asDouble()) : ""));
        }
        if (t.has("stopped_by")) {
            parts.add("stopped by " + t.get("stopped_by").asText());
        }
        if (t.has("converged")) {
            parts.add(t.get("converged").asBoolean() ? "met its stop test" : "did not meet its stop test");
        }
        return String.join(", ", parts);
    }
}
