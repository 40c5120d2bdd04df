package bebop.compose;

import bebop.nn.BatchRunner;
import bebop.nn.LstmNetwork;
import bebop.nn.Normalizer;
import bebop.nn.SequenceModel;
import java.util.random.RandomGenerator;

/**
 * Free-running generation, as in the paper: from a fresh state the model reads the primer frames,
 * then each step's predictions become the next frame ({@link NoteChooser}: chords thresholded at
 * 0.5, one melody note drawn) and that frame is fed back in. Works on any {@link SequenceModel}.
 */
public final class Composer {
    private Composer() {}

    /**
     * A piece of {@code steps} frames: the primer frames (copied) followed by the frames the model
     * generates. Same model weights, primer, temperature and random sequence give the same frames.
     *
     * @param model       the model; reset first
     * @param primer      at least one frame, fewer than {@code steps}, each of {@code model.units()} values
     * @param steps       total frames to return, primer included
     * @param temperature melody temperature (1 = the paper's rule, 0 = always the most likely note)
     * @param rng         the random numbers of the melody draws
     */
    public static double[][] compose(SequenceModel model, double[][] primer, int steps, double temperature,
                                     RandomGenerator rng) {
        return compose(model, FrameLayout.of(model.units()), primer, steps, temperature, rng);
    }

    /** The same with the frame layout given (chord units first, then melody units), for frames other than the paper's. */
    public static double[][] compose(SequenceModel model, FrameLayout layout, double[][] primer, int steps,
                                     double temperature, RandomGenerator rng) {
        int units = model.units();
        if (layout.units() != units) {
            throw new IllegalArgumentException("the layout has " + layout.units() + " units, the model " + units);
        }
        if (primer.length < 1) {
            throw new IllegalArgumentException("the primer needs at least one frame");
        }
        if (primer.length >= steps) {
            throw new IllegalArgumentException("the primer (" + primer.length + " steps) must be shorter than the piece ("
                    + steps + " steps)");
        }
        NoteChooser chooser = new NoteChooser(layout, temperature, rng);
        double[][] out = new double[steps][];
        model.reset();
        double[] predictions = null;
        for (int t = 0; t < primer.length; t++) {
            if (primer[t].length != units) {
                throw new IllegalArgumentException("primer frame " + t + " has " + primer[t].length
                        + " units, the model " + units);
            }
            out[t] = primer[t].clone();
            predictions = model.step(out[t]);
        }
        for (int t = primer.length; t < steps; t++) {
            double[] frame = new double[units];
            chooser.choose(predictions, frame);
            out[t] = frame;
            if (t + 1 < steps) {
                predictions = model.step(frame);
            }
        }
        return out;
    }

    /**
     * Many pieces of the paper's LSTM in one pass ({@link BatchRunner}): piece {@code i} from
     * {@code primers[i]} with the melody draws of {@code rngs[i]}, each exactly the frames that
     * {@link #compose(SequenceModel, FrameLayout, double[][], int, double, RandomGenerator)} gives
     * with {@code new LstmSequenceModel(net, normalizer)} (a burst of requests on one model, many
     * seeds of one evaluation).
     */
    public static double[][][] composeBatch(LstmNetwork net, Normalizer normalizer, FrameLayout layout,
                                            double[][][] primers, int steps, double temperature,
                                            RandomGenerator[] rngs) {
        int units = net.inputs();
        if (layout.units() != units || net.outputs() != units || normalizer.units() != units) {
            throw new IllegalArgumentException("the layout, the network and the normaliser must have the same units");
        }
        if (primers.length != rngs.length || primers.length == 0) {
            throw new IllegalArgumentException("need one random sequence per primer, at least one: got "
                    + primers.length + " primers and " + rngs.length + " sequences");
        }
        int n = primers.length;
        NoteChooser[] choosers = new NoteChooser[n];
        double[][][] out = new double[n][steps][];
        for (int b = 0; b < n; b++) {
            if (primers[b].length < 1 || primers[b].length >= steps) {
                throw new IllegalArgumentException("primer " + b + " must have 1 to " + (steps - 1) + " frames, has "
                        + primers[b].length);
            }
            for (double[] f : primers[b]) {
                if (f.length != units) {
                    throw new IllegalArgumentException("a frame of primer " + b + " has " + f.length + " units, the model "
                            + units);
                }
            }
            choosers[b] = new NoteChooser(layout, temperature, rngs[b]);
        }
        BatchRunner runner = new BatchRunner(net, n);
        double[][] inputs = new double[n][units];
        for (int t = 0; t < steps - 1; t++) {
            for (int b = 0; b < n; b++) {
                double[] frame;
                if (t < primers[b].length) {
                    frame = primers[b][t].clone();
                } else {
                    frame = new double[units];
                    choosers[b].choose(runner.outputs(b), frame);
                }
                out[b][t] = frame;
                normalizer.apply(frame, inputs[b]);
            }
            runner.step(inputs);
        }
        for (int b = 0; b < n; b++) {
            double[] frame = new double[units];
            choosers[b].choose(runner.outputs(b), frame);
            out[b][steps - 1] = frame;
        }
        return out;
    }
}
