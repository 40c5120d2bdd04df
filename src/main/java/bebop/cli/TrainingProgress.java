package bebop.cli;

import bebop.train.EpochReport;
import bebop.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training progress: on a terminal a progress bar over the epoch budget (epoch, steps/s,
 * error, ETA to the budget); elsewhere (logs, CI) one plain line every ten seconds.
 */
final class TrainingProgress implements TrainingListener, AutoCloseable {
    private static final long LINE_INTERVAL_NANOS = 10_000_000_000L;
    private final PrintWriter err;
    private final ProgressBar bar;
    private final long maxEpochs;
    private long lastLine = System.nanoTime();

    TrainingProgress(PrintWriter err, String task, long maxEpochs, boolean quiet) {
        this.err = err;
        this.maxEpochs = maxEpochs;
        boolean terminal = System.console() != null && !quiet;
        this.bar = terminal ? new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(maxEpochs)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" epochs", 1)
                .setUpdateIntervalMillis(250)
                .setMaxRenderedLength(120)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r' + line);
                    err.flush();
                }, 120))
                .build() : null;
        if (quiet) {
            lastLine = Long.MAX_VALUE;
        }
    }

    @Override
    public void onEpoch(EpochReport r) {
        String message = String.format(Locale.ROOT, "error %.4f  %,.0f steps/s  free-run %d steps right",
                r.meanCrossEntropy(), r.stepsPerSecond(), r.freeRunCorrect());
        if (bar != null) {
            bar.stepTo(r.epoch());
            bar.setExtraMessage(message);
        } else if (lastLine != Long.MAX_VALUE && System.nanoTime() - lastLine > LINE_INTERVAL_NANOS) {
            lastLine = System.nanoTime();
            err.printf(Locale.ROOT, "epoch %,d/%,d  %s%n", r.epoch(), maxEpochs, message);
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
