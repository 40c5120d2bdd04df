package bebop.compose;

import bebop.nn.SequenceModel;
import java.util.random.RandomGenerator;

/**
 * Improvisation over chords the user gives: as {@link Composer}, but the chord units of every frame
 * (primer and generated, the frames fed back and returned) are the given chord frames, not the
 * model's thresholded chord outputs. The melody is drawn from the melody outputs as the paper does
 * ({@link NoteChooser}, same temperature rule, one uniform number per step).
 */
public final class GivenChordsComposer {
    private GivenChordsComposer() {}

    /**
     * A piece of {@code chords.length} frames: the primer's melody over the given chords for its
     * first {@code primer.length} steps, then the model's melody over the given chords.
     *
     * @param model       a model with melody units (chord units first); reset first
     * @param primer      at least one frame, fewer than {@code chords.length}, each of {@code model.units()} values;
     *                    its chord units are replaced by the given chords
     * @param chords      one frame of chord units (at least the layout's chord units) per step of the piece
     * @param temperature melody temperature (1 = the paper's rule)
     * @param rng         the random numbers of the melody draws
     */
    public static double[][] compose(SequenceModel model, double[][] primer, double[][] chords, double temperature,
                                     RandomGenerator rng) {
        return compose(model, FrameLayout.of(model.units()), primer, chords, temperature, rng);
    }

    /** The same with the frame layout given (chord units first, then melody units), for frames other than the paper's. */
    public static double[][] compose(SequenceModel model, FrameLayout layout, double[][] primer, double[][] chords,
                                     double temperature, RandomGenerator rng) {
        int units = model.units();
        if (layout.units() != units) {
            throw new IllegalArgumentException("the layout has " + layout.units() + " units, the model " + units);
        }
        if (!layout.hasMelody()) {
            throw new IllegalArgumentException("a chords-only model has no melody to improvise over given chords");
        }
        int steps = chords.length;
        if (primer.length < 1) {
            throw new IllegalArgumentException("the primer needs at least one frame");
        }
        if (primer.length >= steps) {
            throw new IllegalArgumentException("the primer (" + primer.length + " steps) must be shorter than the piece ("
                    + steps + " steps)");
        }
        int c = layout.chordUnits();
        for (int t = 0; t < steps; t++) {
            if (chords[t].length < c) {
                throw new IllegalArgumentException("chord frame " + t + " has " + chords[t].length + " units, need " + c);
            }
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
            System.arraycopy(chords[t], 0, out[t], 0, c);
            predictions = model.step(out[t]);
        }
        for (int t = primer.length; t < steps; t++) {
            double[] frame = new double[units];
            chooser.choose(predictions, frame);
            System.arraycopy(chords[t], 0, frame, 0, c);
            out[t] = frame;
            if (t + 1 < steps) {
                predictions = model.step(frame);
            }
        }
        return out;
    }
}
