package bebop.nn.baseline;

import bebop.nn.SequenceModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the baselines the paper's LSTM is compared with, from training sequences of raw 0/1
 * frames: order-k Markov chains over whole frames for k = 1, 2, 4, 8 and an Elman network. Pure
 * numerical code: no files, no music. Each list element is a separate piece (history and hidden
 * state start empty at its first frame); to train on a continuous stream (the paper's choruses
 * concatenated), pass the stream as one piece.
 */
public final class BaselineTraining {
    /** The Markov orders of the comparison. */
    public static final List<Integer> MARKOV_ORDERS = List.of(1, 2, 4, 8);

    private BaselineTraining() {
    }

    /** The trained baselines. */
    public record Baselines(List<MarkovChain> markov, ElmanNetwork.Trained elman) {
        public Baselines {
            markov = List.copyOf(markov);
        }

        /** Fresh models (empty history, zero state): the Markov chains in order, then the Elman net. */
        public List<SequenceModel> newModels() {
            List<SequenceModel> out = new ArrayList<>();
            for (MarkovChain c : markov) {
                out.add(c.copy());
            }
            out.add(elman.newModel());
            return out;
        }
    }

    /** Markov chains of orders {@link #MARKOV_ORDERS} with add-{@code alpha} unit-wise base models. */
    public static List<MarkovChain> trainMarkov(List<double[][]> pieces, double alpha) {
        List<MarkovChain> out = new ArrayList<>();
        for (int k : MARKOV_ORDERS) {
            out.add(MarkovChain.train(pieces, k, alpha));
        }
        return out;
    }

    /**
     * All baselines: Markov chains ({@link MarkovChain#DEFAULT_ALPHA}) and an Elman network
     * trained with {@code elman} (early stopping on {@code validation} when it is not empty,
     * otherwise the settings' epoch budget), seeded with {@code seed}.
     */
    public static Baselines train(List<double[][]> pieces, List<double[][]> validation, ElmanSettings elman,
                                  long seed, ElmanListener listener) {
        List<MarkovChain> markov = trainMarkov(pieces, MarkovChain.DEFAULT_ALPHA);
        ElmanNetwork.Trained net = ElmanNetwork.train(pieces, validation, elman, seed, listener);
        return new Baselines(markov, net);
    }
}
