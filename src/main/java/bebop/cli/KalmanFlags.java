package bebop.cli;

import bebop.UserError;
import bebop.nn.KalmanSettings;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The decoupled extended Kalman filter's flags ({@code --learner dekf}). */
final class KalmanFlags {
    @Option(names = "--dekf-p0", paramLabel = "P", description = "dekf: initial error covariance P = P I. Default: 100.")
    Double dekfP0;

    @Option(names = "--dekf-r", paramLabel = "START:END",
            description = "dekf: measurement noise R, annealed from START to END. Default: 100:3 (Pérez-Ortiz et al. 2003, as recalled: not checked against the text).")
    String dekfR;

    @Option(names = "--dekf-q", paramLabel = "START:END",
            description = "dekf: process noise Q, annealed from START to END. Default: 0.01:1e-6 (Pérez-Ortiz et al. 2003, as recalled).")
    String dekfQ;

    @Option(names = "--dekf-anneal", paramLabel = "STEPS",
            description = "dekf: time constant of the annealing, v(t) = END + (START - END) exp(-t / STEPS). Default: 10000.")
    Double dekfAnneal;

    @Option(names = "--dekf-groups", paramLabel = "unit|global",
            description = "dekf: one weight group per unit (decoupled, default) or one group of all weights (global EKF).")
    String dekfGroups;

    @Option(names = "--dekf-measure", paramLabel = "output|logit|bernoulli",
            description = "dekf: linearise the outputs (output, Pérez-Ortiz et al.), their net inputs "
                    + "(logit: for small P the filter descends the cross-entropy, the paper's loss), or filter "
                    + "a Bernoulli observation (bernoulli: the net inputs with the innovation and noise divided by "
                    + "y(1-y), the cross-entropy's own noise model). Default: bernoulli, but output for anbncn.")
    String dekfMeasure;

    /** True when a filter flag was given. */
    boolean given() {
        return dekfP0 != null || dekfR != null || dekfQ != null || dekfAnneal != null || dekfGroups != null
                || dekfMeasure != null;
    }

    /** The filter settings the flags give (the defaults where none). */
    KalmanSettings kalman() {
        return kalman(KalmanSettings.defaults());
    }

    /** The filter settings the flags give ({@code base}'s where none). */
    KalmanSettings kalman(KalmanSettings base) {
        KalmanSettings k = base;
        if (dekfP0 != null) {
            k = k.withInitialCovariance(checked(dekfP0, dekfP0 > 0 && Double.isFinite(dekfP0), "--dekf-p0",
                    "must be above 0"));
        }
        if (dekfR != null) {
            double[] r = range(dekfR, "--dekf-r", true);
            k = k.withMeasurementNoise(r[0], r[1]);
        }
        if (dekfQ != null) {
            double[] q = range(dekfQ, "--dekf-q", false);
            k = k.withProcessNoise(q[0], q[1]);
        }
        if (dekfAnneal != null) {
            k = k.withAnnealSteps(checked(dekfAnneal, dekfAnneal > 0 && Double.isFinite(dekfAnneal), "--dekf-anneal",
                    "must be above 0"));
        }
        if (dekfGroups != null) {
            k = k.withDecoupled(switch (dekfGroups.toLowerCase(Locale.ROOT)) {
                case "unit" -> true;
                case "global" -> false;
                default -> throw new UserError("--dekf-groups " + dekfGroups + ": use unit or global");
            });
        }
        if (dekfMeasure != null) {
            k = k.withMeasurement(switch (dekfMeasure.toLowerCase(Locale.ROOT)) {
                case "output" -> KalmanSettings.Measurement.OUTPUT;
                case "logit" -> KalmanSettings.Measurement.LOGIT;
                case "bernoulli" -> KalmanSettings.Measurement.BERNOULLI;
                default -> throw new UserError("--dekf-measure " + dekfMeasure + ": use output, logit or bernoulli");
            });
        }
        return k;
    }

    /** "START:END" (or one value for both), each finite and above 0 ({@code positive}) or at least 0. */
    private static double[] range(String text, String flag, boolean positive) {
        String[] parts = text.split(":", -1);
        if (parts.length > 2) {
            throw new UserError(flag + " " + text + ": give START:END or one value");
        }
        double[] v = new double[2];
        try {
            v[0] = Double.parseDouble(parts[0].strip());
            v[1] = Double.parseDouble(parts[parts.length - 1].strip());
        } catch (NumberFormatException e) {
            throw new UserError(flag + " " + text + ": not a number START:END");
        }
        for (double d : v) {
            if (!Double.isFinite(d) || (positive ? !(d > 0) : !(d >= 0))) {
                throw new UserError(flag + " " + text + ": each value must be finite and " + (positive ? "above 0" : "0 or more"));
            }
        }
        return v;
    }

    /** {@code value} when {@code ok}, else a user error: "FLAG VALUE: RULE". */
    private static <T> T checked(T value, boolean ok, String flag, String rule) {
        if (!ok) {
            throw new UserError(flag + " " + value + ": " + rule);
        }
        return value;
    }
}
