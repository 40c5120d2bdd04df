package bebop.app;

import bebop.io.plot.LearningCurve;
import bebop.train.EpochReport;
import java.util.List;

/** A learning curve to draw: its series and how the plot is labelled. */
public record Curve(List<LearningCurve.Series> series, LearningCurve.Options options) {
    public Curve {
        series = List.copyOf(series);
    }

    /** The training cross-entropy of each epoch, on a log scale. */
    static Curve crossEntropy(List<EpochReport> reports, String title, String epochLabel) {
        double[] epochs = new double[reports.size()];
        double[] error = new double[reports.size()];
        for (int i = 0; i < reports.size(); i++) {
            epochs[i] = reports.get(i).epoch();
            error[i] = reports.get(i).meanCrossEntropy();
        }
        return new Curve(List.of(new LearningCurve.Series("training cross-entropy", epochs, error)),
                LearningCurve.Options.defaults().withTitle(title).withLabels(epochLabel, "cross-entropy per step")
                        .withLogY(true));
    }
}
