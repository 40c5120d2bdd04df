package bebop.compose;

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
}
