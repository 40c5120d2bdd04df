package bebop.cli;

import bebop.train.modern.EpochStats;
import bebop.train.modern.ModernListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of the modern trainer: on a terminal a bar over the epoch budget with the training
 * loss, steps/s, validation NLL and the ETA; elsewhere one line per epoch (at most every five
 * seconds, and always for a new best).
 */
final class ModernProgress implements ModernListener, AutoCloseable {
    private final PrintWriter err;
    private final ProgressBar bar;
    private final int maxEpochs;
    private final boolean quiet;
    private long lastLine;
    private String valid = "";

    ModernProgress(PrintWriter err, int maxEpochs, boolean quiet) {
        this.err = err;
        this.maxEpochs = maxEpochs;
        this.quiet = quiet;
        boolean terminal = System.console() != null && !quiet;
        this.bar = terminal ? new ProgressBarBuilder()
                .setTaskName("train")
                .setInitialMax(maxEpochs * 1000L)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" epochs", 1000)
                .setUpdateIntervalMillis(250)
                .setMaxRenderedLength(130)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r' + line);
                    err.flush();
                }, 130))
                .build() : null;
    }

    @Override
    public void onUpdate(int epoch, long stepsInEpoch, long stepsPerEpoch, double meanLoss, double stepsPerSecond) {
        if (bar != null) {
            bar.stepTo((epoch - 1) * 1000L + Math.min(999, 1000 * stepsInEpoch / Math.max(1, stepsPerEpoch)));
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f %,.0f steps/s%s", meanLoss, stepsPerSecond, valid));
        }
    }

    @Override
    public void onEpoch(EpochStats s) {
        valid = String.format(Locale.ROOT, " valid %.3f", s.validNll());
        if (bar != null || quiet) {
            return;
        }
        long now = System.nanoTime();
        if (s.best() || now - lastLine > 5_000_000_000L || s.epoch() == 1) {
            lastLine = now;
            err.printf(Locale.ROOT, "epoch %d/%d  train %.4f  valid %.4f  acc %.3f%s  lr %.3g  %,.0f steps/s  %.0f s%n",
                    s.epoch(), maxEpochs, s.trainNll(), s.validNll(), s.validAccuracy(), s.best() ? " *" : "",
                    s.learningRate(), s.stepsPerSecond(), s.seconds());
            err.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            err.println();
            err.flush();
        }
    }
}
