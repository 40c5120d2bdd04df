package bebop.train.modern;

import bebop.io.model.Provenance;
import bebop.io.poly.ModernModels;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run of {@link ModernTrainerTest}'s kill test, as a program: trains {@link #settings()}
 * on {@link #data()} (with input dropout and learning-rate decay, which these settings reach within
 * their epochs) and
 * (with a third argument {@code nade}: {@link #nadeSettings()}) and
 * writes a checkpoint after every epoch, sleeping a little after each so
 * that the test can kill it part-way.
 */
public final class ResumeChild {
    static bebop.data.poly.PolyDataset data() {
        return TinyData.make(5, 24, 6, 4, 40);
    }

    /** The NADE run's settings: the same with a NADE output of 6 hidden units. */
    static ModernSettings nadeSettings() {
        return settings().withNadeHidden(6).withLearningRate(0.1);
    }

    static ModernSettings settings() {
        return ModernSettings.defaults(99).withLayers(List.of(12, 8)).withWindow(7).withBatch(5)
                .withLearningRate(0.03).withDropout(0.2).withInputDropout(0.1).withMaxEpochs(8).withPatience(100)
                .withDecayPatience(1);
    }

    static final Provenance PROVENANCE = new Provenance("test", java.time.Instant.EPOCH, 99, List.of(), "tiny", "17", "plain");

    public static void main(String[] args) throws Exception {
        Path checkpoint = Path.of(args[0]);
        long sleep = Long.parseLong(args[1]);
        boolean nade = args.length > 2 && args[2].equals("nade");
        ModernTrainer.train(data(), nade ? nadeSettings() : settings(), "tiny", new ModernListener() {
            @Override
            public void onCheckpoint(TrainerState s) {
                ModernModels.writeCheckpoint(checkpoint, s, PROVENANCE);
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, null);
    }
}
