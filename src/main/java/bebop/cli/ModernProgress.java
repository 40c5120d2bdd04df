package bebop.cli;

import bebop.app.ModernTraining;
import bebop.data.poly.PolyDataset;
import bebop.train.modern.EpochStats;
import bebop.train.modern.ModernSettings;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.BiConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of the modern trainer: on a terminal a bar over the epoch budget with the training
 * loss, steps/s, validation NLL and the ETA; elsewhere one line per epoch (at most every five
 * seconds, and always for a new best). The budget is known when training starts (a resumed run's
 * is its checkpoint's): {@code announce} then gets the data and the settings that train.
 */
final class ModernProgress implements ModernTraining.Listener, AutoCloseable {
    private final PrintWriter err;
    private final boolean quiet;
    private final BiConsumer<PolyDataset, ModernSettings> announce;
    private ProgressBar bar;
    private int maxEpochs;
    private long lastLine;
    private String valid = "";

    ModernProgress(PrintWriter err, boolean quiet, BiConsumer<PolyDataset, ModernSettings> announce) {
        this.err = err;
        this.quiet = quiet;
        this.announce = announce;
    }

    @Override
    public void onStart(PolyDataset data, ModernSettings used) {
        announce.accept(data, used);
        maxEpochs = used.maxEpochs();
        boolean terminal = System.console() != null && !quiet;
        bar = terminal ? new ProgressBarBuilder()
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
