package bebop.app;

import bebop.UserError;
import bebop.io.model.ModelFile;
import bebop.train.EpochReport;
import bebop.train.Experiment1Settings;
import bebop.train.Experiment2Settings;
import bebop.train.TrainingListener;
import bebop.train.modern.EpochStats;
import bebop.train.modern.ModernSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A training that someone watches and may stop (the studio's train view): one of the paper's
 * experiments, or an imported corpus with the modern trainer (or the paper's network), trained as
 * {@code bebop train} trains it. {@link #run} trains on the caller's thread and writes the model file;
 * meanwhile {@link #progress} tells how far it got (the learning curve's points so far) and
 * {@link #stop} ends it early, keeping the model as it then is: the paper's networks as they are at
 * the stop, the modern LSTM's best finished epoch. Thread-safe: one thread runs, any thread watches.
 */
public final class TrainingJob {
    /** Where a job is: running, then finished (its own stop rule), stopped (asked to) or failed. */
    public enum State {
        running, finished, stopped, failed;

        public boolean over() {
            return this != running;
        }
    }

    /**
     * What to train.
     *
     * @param experiment chords or melody (the paper's blues), or null with {@code corpus}
     * @param corpus     an import folder ({@code bebop import} wrote it), or null with {@code experiment}
     * @param trainer    for a corpus: modern (default) or paper
     * @param seed       the seed of the initial weights (and data order)
     * @param maxEpochs  at most this many epochs (null: {@code train}'s default)
     * @param hidden     modern trainer: the LSTM's cells (null: 256)
     */
    public record Request(Experiment experiment, Path corpus, String trainer, long seed, Long maxEpochs, Integer hidden) {
        public Request {
            if ((experiment == null) == (corpus == null)) {
                throw new UserError("experiment and corpus: give one of them (experiment chords|melody, or an imported corpus)");
            }
            if (trainer != null && corpus == null) {
                throw new UserError("trainer: goes with a corpus (the experiments train the paper's network)");
            }
            if (trainer != null && !trainer.equals("modern") && !trainer.equals("paper")) {
                throw new UserError("trainer '" + trainer + "': use modern or paper");
            }
            if (maxEpochs != null && (maxEpochs < 1 || maxEpochs > 1_000_000)) {
                throw new UserError("--max-epochs " + maxEpochs + ": must be 1..1000000");
            }
            if (hidden != null && (hidden < 1 || hidden > 1024)) {
                throw new UserError("--hidden " + hidden + ": must be 1..1024");
            }
            if (hidden != null && (corpus == null || "paper".equals(trainer))) {
                throw new UserError("--hidden: goes with the modern trainer (a corpus), not the paper's network");
            }
        }

        boolean modern() {
            return corpus != null && (trainer == null || trainer.equals("modern"));
        }

        /** The {@code bebop train} command line that trains the same model (the model's provenance). */
        public List<String> commandLine() {
            List<String> c = new ArrayList<>(List.of("train"));
            if (experiment != null) {
                c.addAll(List.of("--experiment", experiment.name()));
            } else {
                c.addAll(List.of("--data", corpus.toString(), "--trainer", modern() ? "modern" : "paper"));
            }
            c.addAll(List.of("--seed", Long.toString(seed)));
            if (maxEpochs != null) {
                c.addAll(List.of("--max-epochs", Long.toString(maxEpochs)));
            }
            if (hidden != null) {
                c.addAll(List.of("--hidden", Integer.toString(hidden)));
            }
            return c;
        }
    }

    /**
     * One epoch of the learning curve: the training error ({@code train}: cross-entropy per step for the
     * paper's networks, NLL per step for the modern LSTM) and, for the modern LSTM, the validation NLL.
     */
    public record Point(long epoch, double train, Double valid) {}

    /**
     * How far a job got: its state, the epoch and the most epochs it may take, the share done (0..1),
     * the curve's points from the asked index on, and a sentence (what trains, or how it ended).
     */
    public record Progress(State state, long epoch, long maxEpochs, double done, int from, List<Point> points,
                           String message) {}

    private final Request request;
    private final Path modelFile;
    private final long maxEpochs;
    private final List<Point> points = new ArrayList<>();
    private State state = State.running;
    private long epoch;
    private double done;
    private String message;
    private volatile boolean stopAsked;

    /** A job that will write its model to {@code modelFile} (whole, or not at all). */
    public TrainingJob(Request request, Path modelFile) {
        this.request = request;
        this.modelFile = modelFile;
        if (request.modern()) {
            TrainService.corpus(request.corpus()); // a folder that is not an import is refused now, not in the run
            this.maxEpochs = request.maxEpochs() == null ? ModernSettings.defaults(request.seed()).maxEpochs()
                    : request.maxEpochs();
        } else {
            this.maxEpochs = request.experiment() == Experiment.chords ? chords().maxEpochs() : melody().maxEpochs();
        }
        this.message = describe();
    }

    private PaperChoices choices() {
        return new PaperChoices(false, "paper", null, null, null, null, null, null, null, null, null, null, null,
                request.maxEpochs(), null);
    }

    private Experiment1Settings chords() {
        return choices().experiment1(request.seed());
    }

    private Experiment2Settings melody() {
        return choices().experiment2(request.seed());
    }

    private ModernSettings modern() {
        ModernSettings s = ModernSettings.defaults(request.seed()).withMaxEpochs((int) maxEpochs);
        return request.hidden() == null ? s : s.withLayers(List.of(request.hidden()));
    }

    /** What trains, in a sentence. */
    public String describe() {
        if (request.experiment() == Experiment.chords) {
            return "Experiment 1 (chords), seed " + request.seed() + ", at most " + maxEpochs + " epochs";
        }
        if (request.experiment() == Experiment.melody) {
            return "Experiment 2 (chords and melody), seed " + request.seed() + ", at most " + maxEpochs + " epochs";
        }
        return (request.modern() ? "the modern LSTM (" + (request.hidden() == null ? 256 : request.hidden()) + " cells)"
                : "the paper's Experiment 2 network") + " on " + request.corpus().getFileName() + ", seed "
                + request.seed() + ", at most " + maxEpochs + " epochs";
    }

    /** Trains, then writes the model file; the outcome is in {@link #progress}. Never throws a user error. */
    public void run() {
        try {
            TrainedModel<?> trained = train();
            ModelFile.write(modelFile, trained.model());
            synchronized (this) {
                state = stopAsked ? State.stopped : State.finished;
                message = (stopAsked ? "stopped at epoch " : "finished after epoch ") + epoch + "; the model is kept";
                done = stopAsked ? done : 1;
                notifyAll();
            }
        } catch (UserError | IllegalArgumentException e) {
            end(e.getMessage());
        } catch (RuntimeException | Error e) {
            end("training failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            throw e;
        }
    }

    private synchronized void end(String why) {
        state = State.failed;
        message = why;
        notifyAll();
    }

    private TrainedModel<?> train() {
        List<String> commandLine = request.commandLine();
        if (request.modern()) {
            return ModernTraining.onCorpus(request.corpus(), modern(), commandLine, new ModernTraining.Listener() {
                @Override
                public void onUpdate(int e, long stepsInEpoch, long stepsPerEpoch, double loss, double sps) {
                    progressed(e - 1, (e - 1 + stepsInEpoch / (double) Math.max(1, stepsPerEpoch)) / maxEpochs, null);
                }

                @Override
                public void onEpoch(EpochStats st) {
                    progressed(st.epoch(), st.epoch() / (double) maxEpochs, new Point(st.epoch(), st.trainNll(), st.validNll()));
                }

                @Override
                public boolean stopRequested() {
                    return stopAsked;
                }
            }, Runtime.getRuntime().availableProcessors());
        }
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochReport r) {
                progressed(r.epoch(), r.epoch() / (double) maxEpochs, new Point(r.epoch(), r.meanCrossEntropy(), null));
            }

            @Override
            public boolean stopRequested() {
                return stopAsked;
            }
        };
        if (request.experiment() == Experiment.chords) {
            return TrainService.chords(chords(), commandLine, listener);
        }
        if (request.experiment() == Experiment.melody) {
            return TrainService.melody(melody(), commandLine, listener);
        }
        return TrainService.corpus(melody(), TrainService.corpus(request.corpus()), commandLine, listener);
    }

    private synchronized void progressed(long e, double share, Point point) {
        epoch = e;
        done = Math.min(1, share);
        if (point != null) {
            points.add(point);
            notifyAll();
        }
    }

    /** Asks the run to stop at its next check (after the current epoch or update); the model is kept. */
    public void stop() {
        stopAsked = true;
    }

    /** The job's progress now, with the curve's points from index {@code from} on. */
    public synchronized Progress progress(int from) {
        int start = Math.max(0, Math.min(from, points.size()));
        return new Progress(state, epoch, maxEpochs, done, start, List.copyOf(points.subList(start, points.size())),
                message);
    }

    /**
     * Waits at most {@code millis} for a point beyond index {@code from} or for the end, and then
     * answers as {@link #progress}.
     */
    public synchronized Progress await(int from, long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        long left;
        while (points.size() <= from && !state.over() && (left = until - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        return progress(from);
    }

    public synchronized State state() {
        return state;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s", describe(), state);
    }
}
