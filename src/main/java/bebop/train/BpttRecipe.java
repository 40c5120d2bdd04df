package bebop.train;

import bebop.nn.Adam;
import bebop.nn.BpttGradient;
import bebop.nn.LstmNetwork;

/**
 * bebop's BPTT + Adam recipe for the paper's networks, the one epoch loop of {@link
 * Experiment1#trainBptt}, {@link Experiment2#trainBptt} and {@link CorpusExperiment#train}: each
 * epoch takes the next teacher-forced sequence of {@code steps} steps from its {@link Sequences},
 * computes the exact gradient of its cross-entropy from a zero state ({@link BpttGradient}), takes
 * one Adam step ({@link Adam}: beta1 the settings' momentum, beta2 0.999, epsilon 1e-8, gradient norm
 * clipped), then runs the {@link StopTest} and reports the epoch. It stops when the test passes,
 * after {@code maxEpochs} or when the listener asks.
 *
 * <p>The sequence buffers, the gradient workspace and Adam's moments are sized once per run: a
 * steady-state epoch allocates nothing but its {@link EpochReport} (and what the sequence source
 * and the stop test allocate; the three recipes' allocate nothing or a few bytes).
 */
final class BpttRecipe {
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private BpttRecipe() {
    }

    /** Where each epoch's sequence comes from. */
    interface Sequences {
        /** Writes the next epoch's input frames and their targets into the (reused) buffers, all of their rows. */
        void next(double[][] inputs, double[][] targets);
    }

    /**
     * Trains {@code net} in place.
     *
     * @param steps          the length of every epoch's sequence
     * @param learningRate   Adam's step size
     * @param beta1          Adam's beta1 (the settings' momentum)
     * @param gradientClip   the gradient's L2 norm is clipped to this (0 = no clipping)
     */
    static EpochLog.Run train(LstmNetwork net, int steps, double learningRate, double beta1, double gradientClip,
                     long maxEpochs, Sequences sequences, StopTest stop, TrainingListener listener) {
        double[][] inputs = new double[steps][net.inputs()];
        double[][] targets = new double[steps][net.outputs()];
        BpttGradient gradient = BpttGradient.workspace(net, steps);
        Adam adam = new Adam(net, learningRate, beta1, BETA2, EPSILON);
        EpochLog log = new EpochLog(listener);
        long done = 0;
        long epoch = 0;
        while (epoch < maxEpochs && !stop.passed()) {
            epoch++;
            sequences.next(inputs, targets);
            double loss = gradient.run(inputs, targets);
            adam.step(gradient.gradient(), gradientClip);
            done += steps;
            double ce = loss / steps;
            int correct = stop.test(epoch, ce);
            if (log.epoch(epoch, done, ce, 0, correct)) {
                break;
            }
        }
        return log.run(epoch, done);
    }
}
