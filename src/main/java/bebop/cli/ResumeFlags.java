package bebop.cli;

import bebop.UserError;
import bebop.app.ModernTraining;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code train --data}'s checkpoint flags: where a run writes its checkpoints, and the run to continue. */
final class ResumeFlags {
    /** The flags of a run's settings, which a resumed run takes from its checkpoint. */
    private static final List<String> SETTINGS = List.of("--hidden", "--window", "--batch", "--learning-rate", "--dropout",
            "--input-dropout", "--clip", "--decay-patience", "--output", "--nade-hidden", "--seed");

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "With --data: continue the run that wrote "
            + "CHECKPOINT, with its settings; --max-epochs, --patience and --minutes may give it a larger budget to train on.")
    Path resume;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "With --data: checkpoint file. Default: M.ckpt.bebop beside --out.")
    Path checkpoint;

    boolean anyGiven() {
        return resume != null || checkpoint != null;
    }

    /**
     * The run {@code --resume} continues (null without it), with the budget flags given; a flag of the
     * settings, which the checkpoint holds, is refused.
     */
    ModernTraining.Resume resume(ParseResult given, Long maxEpochs, Integer patience, Double minutes) {
        if (resume == null) {
            return null;
        }
        for (String f : SETTINGS) {
            if (given.hasMatchedOption(f)) {
                throw new UserError(f + " goes with a new run: --resume continues with the checkpoint's settings "
                        + "(--max-epochs, --patience and --minutes may change: they decide only when it stops)");
            }
        }
        return new ModernTraining.Resume(resume, maxEpochs == null ? null : maxEpochs.intValue(), patience, minutes);
    }
}
