package bebop.compose;

import bebop.nn.FrameSampler;
import bebop.nn.SequenceModel;
import java.util.random.RandomGenerator;

/**
 * Free-running generation of a polyphonic piano roll: from a fresh state the model reads the primer
 * frames, then every unit of the next frame is drawn on its own, on with its predicted probability
 * (a Bernoulli draw, one uniform number per unit per step, in unit order), and the frame is fed
 * back in. {@code temperature} T draws unit k with probability sigmoid(logit(p_k) / T): 1 is the
 * model's own probability, lower is safer (towards thresholding at 0.5), higher wilder. A model
 * whose keys are not independent (a {@link FrameSampler}, the NADE output) draws each frame itself,
 * key by key from low to high, each given the keys drawn below it, its logits divided by T (again
 * one uniform number per key).
 */
public final class RollComposer {
    private RollComposer() {}

    /**
     * A piece of {@code steps} frames: the primer frames (copied) then the generated ones. Same
     * model weights, primer, temperature and random sequence give the same frames.
     *
     * @param primer at least one frame, fewer than {@code steps} (a silent frame starts from silence)
     */
    public static double[][] compose(SequenceModel model, double[][] primer, int steps, double temperature,
                                     RandomGenerator rng) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and above 0, got " + temperature);
        }
        if (primer.length < 1 || primer.length >= steps) {
            throw new IllegalArgumentException("the primer (" + primer.length + " steps) must have at least one step "
                    + "and fewer than the piece (" + steps + " steps)");
        }
        int units = model.units();
        double[][] out = new double[steps][];
        model.reset();
        double[] p = null;
        for (int t = 0; t < primer.length; t++) {
            if (primer[t].length != units) {
                throw new IllegalArgumentException("primer frame " + t + " has " + primer[t].length + " units, the model " + units);
            }
            out[t] = primer[t].clone();
            p = model.step(out[t]);
        }
        FrameSampler sampler = model instanceof FrameSampler f ? f : null;
        for (int t = primer.length; t < steps; t++) {
            double[] frame = new double[units];
            if (sampler != null) {
                sampler.sampleFrame(temperature, rng, frame);
            } else {
                for (int k = 0; k < units; k++) {
                    frame[k] = rng.nextDouble() < tempered(p[k], temperature) ? 1.0 : 0.0;
                }
            }
            out[t] = frame;
            if (t + 1 < steps) {
                p = model.step(frame);
            }
        }
        return out;
    }

    /** sigmoid(logit(p) / t), with p = 0 and p = 1 kept. */
    static double tempered(double p, double t) {
        if (t == 1 || p <= 0 || p >= 1) {
            return p;
        }
        double z = Math.log(p / (1 - p)) / t;
        return 1 / (1 + Math.exp(-z));
    }
}
