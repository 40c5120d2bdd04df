package bebop.compose;

import bebop.encoding.FrameFormat;
import bebop.music.Progression;
import bebop.nn.SequenceModel;
import java.util.random.RandomGenerator;

/**
 * Free-running generation for a model of any {@link FrameFormat}, the frames returned in the format
 * {@link FrameFormat#composing()} names (which {@link FrameFormat#decode} turns into a score):
 *
 * <ul>
 *   <li>chords and melody ({@link FrameFormat#CHORDS_MELODY}): as the paper, chords thresholded at
 *       0.5 and one melody note drawn per step ({@link Composer}), or the melody over given chords
 *       ({@link GivenChordsComposer});
 *   <li>an imported corpus's 88 keys ({@link FrameFormat#CORPUS_ROLL}): the same, through
 *       {@link CorpusRollView};
 *   <li>a piano roll ({@link FrameFormat#PIANO_ROLL}): every key drawn on its own ({@link RollComposer});
 *       no given chords.
 * </ul>
 */
public final class Generation {
    private Generation() {}

    /**
     * @param model       the model, in its own units ({@code format.units()})
     * @param format      what its frames mean
     * @param primer      frames in the model's own units, fewer than {@code steps}
     * @param steps       frames of the piece, primer included
     * @param temperature melody temperature (piano roll: of every key)
     * @param chords      null (the model's own chords), or one 12-unit chord frame per step ({@link ChordFrames})
     * @param rng         the random numbers of the draws
     * @throws IllegalArgumentException for given chords and a model without chords apart
     */
    public static double[][] compose(SequenceModel model, FrameFormat format, double[][] primer, int steps,
                                     double temperature, double[][] chords, RandomGenerator rng) {
        if (model.units() != format.units()) {
            throw new IllegalArgumentException("the model has " + model.units() + " units, its frame format "
                    + format.units());
        }
        if (chords != null && !format.chordConditioned()) {
            throw new IllegalArgumentException("the model's frames (" + format.describe()
                    + ") hold no chords apart from the melody");
        }
        if (format.isPianoRoll()) {
            return RollComposer.compose(model, primer, steps, temperature, rng);
        }
        SequenceModel m = model;
        double[][] p = primer;
        if (format.layout().equals(FrameFormat.CORPUS_ROLL)) {
            CorpusRollView view = new CorpusRollView(model, format);
            p = new double[primer.length][];
            for (int t = 0; t < primer.length; t++) {
                p[t] = view.fromKeys(primer[t]);
            }
            m = view;
        }
        FrameFormat f = format.composing();
        FrameLayout layout = new FrameLayout(f.chordUnits(), f.melodyUnits());
        if (chords == null) {
            return Composer.compose(m, layout, p, steps, temperature, rng);
        }
        if (chords.length != steps) {
            throw new IllegalArgumentException(chords.length + " chord frames for a piece of " + steps + " steps");
        }
        return GivenChordsComposer.compose(m, layout, p, chords, temperature, rng);
    }

    /**
     * A primer: the first {@code steps} frames of {@code opening} (frames of on-units, from the
     * model file) as 0/1 frames of {@code units} units; one silent frame when {@code opening} is null.
     *
     * @param steps 0 for one bar ({@code stepsPerBar}, or all the opening holds if it is shorter)
     * @throws IllegalArgumentException if {@code steps} is more than the opening holds
     */
    public static double[][] primer(int[][] opening, int units, int steps, int stepsPerBar) {
        if (opening == null) {
            return new double[1][units];
        }
        int k = steps == 0 ? Math.min(stepsPerBar, opening.length) : steps;
        if (k < 1 || k > opening.length) {
            throw new IllegalArgumentException("the primer holds " + opening.length + " steps; ask for 1 to " + opening.length);
        }
        double[][] out = new double[k][units];
        for (int t = 0; t < k; t++) {
            for (int u : opening[t]) {
                out[t][u] = 1.0;
            }
        }
        return out;
    }

    /** The chord frames of {@code progression} for a piece of {@code steps} steps in {@code format}. */
    public static double[][] chords(Progression progression, int steps, FrameFormat format) {
        return ChordFrames.of(progression, steps, format.stepsPerBar());
    }
}
