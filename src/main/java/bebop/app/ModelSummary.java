package bebop.app;

import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import bebop.io.poly.ModernModels;
import bebop.train.modern.TrainerState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a model file is, told to a person ({@code bebop inspect M.bebop}, the studio's model list): its
 * kind, a sentence, and what its header records of how it was trained and how it measured.
 *
 * @param kind        "blues (chords and melody)", "blues (chords)", "piano roll" or "checkpoint"
 * @param melody      whether it composes a melody (a blues model of Experiment 2)
 * @param description the model in a sentence: its label with its experiment, form and seed, or its data set
 * @param about       the same without the label: "melody, paper form, seed 1", "trained on jsb"
 * @param metrics     the header's metrics (the evaluation at training), null when it has none
 * @param provenance  the header's provenance: bebop and Java versions, date, seed, the command line
 */
public record ModelSummary(String kind, boolean melody, String description, String about, JsonNode metrics,
                           JsonNode provenance) {
    /** The summary of the model in {@code file} (null: the bundled one), or of a training's checkpoint. */
    public static ModelSummary of(Path file) {
        if (file == null) {
            return of(Models.bundled());
        }
        Model m = ModelFile.read(file);
        if (m.kind().equals(ModernModels.CHECKPOINT_KIND)) {
            return checkpoint(file, ModelFile.header(m).get("provenance"));
        }
        return of(Models.load(m, file));
    }

    private static ModelSummary checkpoint(Path file, JsonNode provenance) {
        TrainerState s = ModernModels.readCheckpoint(file);
        String about = String.format(Locale.ROOT, "the modern trainer's state after epoch %d of at most %d (best epoch %d, "
                + "valid NLL %.4f; %.0f s of training): train --resume %s trains on from it", s.epoch(),
                s.settings().maxEpochs(), s.bestEpoch(), s.bestValid(), s.seconds(), file);
        return new ModelSummary("checkpoint", false, about, about, null, provenance);
    }

    public static ModelSummary of(LoadedModel m) {
        ObjectNode header = Models.header(m);
        JsonNode metrics = header.get("metrics");
        JsonNode provenance = header.get("provenance");
        if (m instanceof BluesModel b) {
            return new ModelSummary(b.melody() ? "blues (chords and melody)" : "blues (chords)", b.melody(), b.describe(),
                    b.settings(), metrics, provenance);
        }
        String trainedOn = "trained on " + ((DataModel) m).dataset();
        return new ModelSummary("piano roll", false, trainedOn, trainedOn, metrics, provenance);
    }
}
