package bebop.compose;

import bebop.nn.SequenceModel;
import java.util.Arrays;

/** Hand-made sequence models for tests. */
public final class ComposerTestModels {
    private ComposerTestModels() {}

    /** Predicts exactly the next frame of {@code stream} (probabilities 0 and 1). */
    public static SequenceModel oracle(double[][] stream) {
        return new SequenceModel() {
            int t;
            final double[] out = new double[stream[0].length];

            @Override
            public int units() {
                return out.length;
            }

            @Override
            public void reset() {
                t = 0;
            }

            @Override
            public double[] step(double[] frame) {
                t++;
                System.arraycopy(stream[Math.min(t, stream.length - 1)], 0, out, 0, out.length);
                return out;
            }

            @Override
            public String name() {
                return "oracle";
            }
        };
    }

    /** Every unit at probability {@code p}. */
    public static SequenceModel constant(int units, double p) {
        double[] out = new double[units];
        Arrays.fill(out, p);
        return new SequenceModel() {
            @Override
            public int units() {
                return units;
            }

            @Override
            public void reset() {
            }

            @Override
            public double[] step(double[] frame) {
                return out;
            }

            @Override
            public String name() {
                return "constant";
            }
        };
    }
}
