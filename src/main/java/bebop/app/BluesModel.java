package bebop.app;

import bebop.data.BluesDataset;
import bebop.encoding.LocalEncoding;
import bebop.io.model.LstmModels;
import bebop.music.BluesForm;
import bebop.nn.Arithmetic;
import bebop.nn.LstmNetwork;
import bebop.nn.LstmSequenceModel;
import bebop.nn.SequenceModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** A model of the paper's blues (Experiment 1 or 2, or the paper's network on {@code --data blues}), ready to play. */
public record BluesModel(LstmModels.Loaded model, String label) implements LoadedModel {
    /** Units in and out: 12 (chords only) or 25 (chords and melody). */
    public int units() {
        return model.network().inputs();
    }

    /** True for a model of chords and melody (Experiment 2). */
    public boolean melody() {
        return units() == LocalEncoding.UNITS;
    }

    public SequenceModel sequenceModel() {
        return new LstmSequenceModel(model.network(), model.normalizer());
    }

    /**
     * The network as compose and jam play it: in the plain arithmetic in every JVM. The command line's
     * {@code compose}, {@code demo} and {@code jam} start without the Vector API (it costs a JVM half a
     * second), the studio and the tests with it, and the two arithmetics may differ in the last bit of
     * {@code exp}: so the same request gives the same piece everywhere, bit for bit.
     */
    public SequenceModel player() {
        return new LstmSequenceModel(plain(model.network()), model.normalizer());
    }

    /** {@code net}, or a copy of it in the plain arithmetic. */
    static LstmNetwork plain(LstmNetwork net) {
        return net.arithmetic() == Arithmetic.PLAIN ? net : net.copy(Arithmetic.PLAIN);
    }

    /** The 4,096 choruses of the form the model was trained on. */
    public BluesDataset data() {
        return BluesDataset.generate(BluesForm.of(model.form()));
    }

    /** The choruses the model never trained on, from its file (empty when it does not say). */
    public int[] heldOut() {
        JsonNode held = model.model().extra().path("training").path("held_out");
        if (!held.isArray()) {
            return new int[0];
        }
        int[] out = new int[held.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = held.get(i).asInt();
        }
        return out;
    }

    /** "the bundled model (melody, paper form, seed 1)". */
    public String describe() {
        return label + " (" + settings() + ")";
    }

    /** "melody, paper form, seed 1". */
    public String settings() {
        return String.format(Locale.ROOT, "%s, %s form, seed %d", model.experiment(), model.form().label(),
                model.model().provenance().seed());
    }
}
