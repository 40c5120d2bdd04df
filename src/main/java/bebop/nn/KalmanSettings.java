package bebop.nn;

import java.util.Locale;

/**
 * Settings of the decoupled extended Kalman filter ({@link DekfLearner}). The noise terms are
 * annealed exponentially from their start to their end value:
 * {@code v(t) = end + (start - end) exp(-t / annealSteps)}.
 *
 * @param initialCovariance the diagonal of every group's error covariance P at step 0 (P = p0 I)
 * @param measurementNoiseStart R at step 0 (R = r I, outputs x outputs)
 * @param measurementNoiseEnd   R as t grows
 * @param processNoiseStart     Q at step 0 (added to P's diagonal after every update)
 * @param processNoiseEnd       Q as t grows
 * @param annealSteps           the annealing's time constant, in steps
 * @param decoupled             one group per unit (each gate, each cell input, each output unit's
 *                              incoming weights); false: one group holding every weight (the global EKF)
 * @param measurement           what the filter linearises: the outputs, or their net inputs
 */
public record KalmanSettings(double initialCovariance, double measurementNoiseStart, double measurementNoiseEnd,
                             double processNoiseStart, double processNoiseEnd, double annealSteps,
                             boolean decoupled, Measurement measurement) {

    /** The measurement model's linearisation H; the innovation is {@code t - y} in both. */
    public enum Measurement {
        /**
         * H = dy/dw, the outputs' derivatives (Pérez-Ortiz et al. 2003): for small P the update
         * is gradient descent on the squared error, and an output saturated on the wrong side
         * (y' near 0) hardly moves.
         */
        OUTPUT,
        /**
         * H = dnet/dw, the derivatives of the outputs' net inputs: for small P the update is
         * gradient descent on the cross-entropy at logistic outputs, the loss the paper trains.
         */
        LOGIT,
        /**
         * The filter of a Bernoulli observation, the noise model of the cross-entropy: H = dnet/dw,
         * innovation {@code (t - y) / (y (1 - y))} and noise {@code R / (y (1 - y))} per output
         * (the working response and weight of iteratively reweighted least squares). The update is
         * {@code P h (t - y) / (y (1 - y) h^T P h + R)} for one output: a Newton-like step where the
         * output is sensitive, a cross-entropy gradient step where it saturates (no trap there).
         */
        BERNOULLI
    }

    /**
     * R annealed 100 -> 3 and Q 1e-2 -> 1e-6, as Pérez-Ortiz, Gers, Eck and Schmidhuber (2003) anneal
     * them for LSTM; P(0) = 100 I, the time constant of 10,000 steps and the Bernoulli measurement
     * (with which the filter learns Experiment 1 on 10 of 10 seeds, where the output measurement of
     * Pérez-Ortiz et al. learns 3) are bebop's choices.
     */
    public static KalmanSettings defaults() {
        return new KalmanSettings(100, 100, 3, 1e-2, 1e-6, 10_000, true, Measurement.BERNOULLI);
    }

    public KalmanSettings {
        if (!(initialCovariance > 0) || !Double.isFinite(initialCovariance)) {
            throw new IllegalArgumentException("initial covariance must be finite and > 0, got " + initialCovariance);
        }
        if (!(measurementNoiseStart > 0 && measurementNoiseEnd > 0)
                || !Double.isFinite(measurementNoiseStart) || !Double.isFinite(measurementNoiseEnd)) {
            throw new IllegalArgumentException("measurement noise must be finite and > 0, got "
                    + measurementNoiseStart + " -> " + measurementNoiseEnd);
        }
        if (!(processNoiseStart >= 0 && processNoiseEnd >= 0)
                || !Double.isFinite(processNoiseStart) || !Double.isFinite(processNoiseEnd)) {
            throw new IllegalArgumentException("process noise must be finite and >= 0, got "
                    + processNoiseStart + " -> " + processNoiseEnd);
        }
        if (measurement == null) {
            throw new IllegalArgumentException("the measurement must be set");
        }
        if (!(annealSteps > 0)) {
            throw new IllegalArgumentException("anneal steps must be > 0, got " + annealSteps);
        }
    }

    /** R at step {@code t}. */
    public double measurementNoise(long t) {
        return anneal(measurementNoiseStart, measurementNoiseEnd, t);
    }

    /** Q at step {@code t}. */
    public double processNoise(long t) {
        return anneal(processNoiseStart, processNoiseEnd, t);
    }

    private double anneal(double start, double end, long t) {
        return end + (start - end) * Math.exp(-t / annealSteps);
    }

    /** One line for a person: the groups, the covariances and their annealing, the measurement. */
    public String describe() {
        return String.format(Locale.ROOT, "%s Kalman filter (P0 %s, R %s -> %s, Q %s -> %s, anneal %s steps, "
                + "%s measurement)", decoupled ? "decoupled extended" : "global extended", number(initialCovariance),
                number(measurementNoiseStart), number(measurementNoiseEnd), number(processNoiseStart),
                number(processNoiseEnd), number(annealSteps), measurement.name().toLowerCase(Locale.ROOT));
    }

    /** 100, 0.01, 0.000001, 10000: exact, without Java's "100.0" and "1.0E-6". */
    private static String number(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    public KalmanSettings withInitialCovariance(double p0) {
        return new KalmanSettings(p0, measurementNoiseStart, measurementNoiseEnd, processNoiseStart, processNoiseEnd,
                annealSteps, decoupled, measurement);
    }

    public KalmanSettings withMeasurementNoise(double start, double end) {
        return new KalmanSettings(initialCovariance, start, end, processNoiseStart, processNoiseEnd, annealSteps,
                decoupled, measurement);
    }

    public KalmanSettings withProcessNoise(double start, double end) {
        return new KalmanSettings(initialCovariance, measurementNoiseStart, measurementNoiseEnd, start, end,
                annealSteps, decoupled, measurement);
    }

    public KalmanSettings withAnnealSteps(double steps) {
        return new KalmanSettings(initialCovariance, measurementNoiseStart, measurementNoiseEnd, processNoiseStart,
                processNoiseEnd, steps, decoupled, measurement);
    }

    public KalmanSettings withDecoupled(boolean on) {
        return new KalmanSettings(initialCovariance, measurementNoiseStart, measurementNoiseEnd, processNoiseStart,
                processNoiseEnd, annealSteps, on, measurement);
    }

    public KalmanSettings withMeasurement(Measurement m) {
        return new KalmanSettings(initialCovariance, measurementNoiseStart, measurementNoiseEnd, processNoiseStart,
                processNoiseEnd, annealSteps, decoupled, m);
    }
}
