package bebop.compose;

import bebop.encoding.FrameFormat;
import bebop.nn.SequenceModel;
import java.util.Arrays;

/**
 * A model of an imported corpus's 88-key frames ({@link FrameFormat#CORPUS_ROLL}: the half bar's
 * chord as pitch classes on the keys {@code chordLow..chordLow+11}, the melody on its own key) seen
 * in the chord-and-melody layout that {@link Composer} and {@link GivenChordsComposer} work in: 12
 * chord units, then the 88 keys as melody units ({@link FrameFormat#composing()}).
 *
 * <p>In: a frame's chord units go to the chord keys, its melody unit to its key. Out: the chord
 * units get the chord keys' probabilities; the melody units the other keys' probabilities, the
 * chord keys' melody units 0 (a melody note there could not be told from a chord note).
 */
public final class CorpusRollView implements SequenceModel {
    private final SequenceModel roll;
    private final int chordKey;
    private final double[] keys = new double[FrameFormat.KEYS];
    private final double[] out = new double[12 + FrameFormat.KEYS];

    /** @param roll a model of 88 units; {@code format} its {@link FrameFormat#CORPUS_ROLL} format */
    public CorpusRollView(SequenceModel roll, FrameFormat format) {
        if (roll.units() != FrameFormat.KEYS || !format.layout().equals(FrameFormat.CORPUS_ROLL) || format.chordUnits() != 12) {
            throw new IllegalArgumentException("a corpus-roll view needs an 88-unit model with 12 chord keys");
        }
        this.roll = roll;
        this.chordKey = format.chordLow() - FrameFormat.KEY_LOW;
    }

    @Override
    public int units() {
        return out.length;
    }

    @Override
    public void reset() {
        roll.reset();
    }

    @Override
    public double[] step(double[] frame) {
        if (frame.length != out.length) {
            throw new IllegalArgumentException("frame has " + frame.length + " units, the view " + out.length);
        }
        Arrays.fill(keys, 0.0);
        for (int k = 0; k < FrameFormat.KEYS; k++) {
            if (frame[12 + k] > 0.5) {
                keys[k] = 1.0;
            }
        }
        for (int u = 0; u < 12; u++) {
            if (frame[u] > 0.5) {
                keys[chordKey + u] = 1.0;
            }
        }
        double[] p = roll.step(keys);
        for (int u = 0; u < 12; u++) {
            out[u] = p[chordKey + u];
        }
        for (int k = 0; k < FrameFormat.KEYS; k++) {
            out[12 + k] = k >= chordKey && k < chordKey + 12 ? 0.0 : p[k];
        }
        return out;
    }

    /** A frame of the 88 keys (1 = sounding) in this view's layout. */
    public double[] fromKeys(double[] keyFrame) {
        double[] f = new double[out.length];
        for (int k = 0; k < FrameFormat.KEYS; k++) {
            if (keyFrame[k] > 0.5) {
                if (k >= chordKey && k < chordKey + 12) {
                    f[k - chordKey] = 1.0;
                } else {
                    f[12 + k] = 1.0;
                }
            }
        }
        return f;
    }

    @Override
    public String name() {
        return roll.name();
    }
}
