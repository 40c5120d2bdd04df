package bebop.app;

import bebop.UserError;
import bebop.encoding.FrameFormat;
import bebop.io.model.LstmModels;
import bebop.io.model.Model;
import bebop.io.poly.ModernModels;
import bebop.nn.LstmSequenceModel;
import bebop.nn.SequenceModel;
import bebop.nn.modern.LstmStack;
import bebop.nn.modern.NadeSequenceModel;
import bebop.nn.modern.StackSequenceModel;
import java.util.List;

/**
 * A model of a data set other than the paper's blues (an imported corpus, a piano roll; the paper's
 * network or the modern one), played as its recorded frame format says.
 */
public record DataModel(Model model, String label, FrameFormat format, List<int[][]> primers) implements LoadedModel {
    /** The network, built from the file's weights (eval needs only the recorded metrics, so it is not built on load). */
    public SequenceModel network() {
        return network(false);
    }

    /**
     * The network as compose and jam play it: the paper's network in the plain arithmetic in every JVM
     * ({@link BluesModel#player()} says why); the modern LSTM's two paths give the same bits.
     */
    public SequenceModel player() {
        return network(true);
    }

    private SequenceModel network(boolean plain) {
        SequenceModel net = model.kind().equals(ModernModels.KIND) ? modernNetwork(ModernModels.of(model, label))
                : paperNetwork(LstmModels.of(model, label), plain);
        if (net.units() != format.units()) {
            throw new UserError(label + ": its network has " + net.units() + " units but its frames ("
                    + format.describe() + ") have " + format.units());
        }
        return net;
    }

    private static SequenceModel modernNetwork(LstmStack net) {
        return net.config().nade() ? new NadeSequenceModel(net) : new StackSequenceModel(net);
    }

    private static SequenceModel paperNetwork(LstmModels.Loaded l, boolean plain) {
        return new LstmSequenceModel(plain ? BluesModel.plain(l.network()) : l.network(), l.normalizer());
    }

    /** True for a modern LSTM with a NADE output (its frames are drawn key by key, low to high). */
    public boolean nade() {
        return model.kind().equals(ModernModels.KIND) && model.config().path("nadeHidden").asInt(0) > 0;
    }

    /** The data set the model was trained on, as its file records it ("?" when it does not say). */
    public String dataset() {
        return model.extra().path("training").path("dataset").asText("?");
    }
}
