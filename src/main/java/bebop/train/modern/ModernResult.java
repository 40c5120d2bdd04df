package bebop.train.modern;

import bebop.nn.modern.LstmStack;
import java.util.List;

/**
 * The outcome of a modern training run.
 *
 * @param best the network of the best epoch (lowest validation NLL)
 * @param bestEpoch that epoch
 * @param bestValid its validation NLL
 * @param epochs epochs trained
 * @param curve one entry per epoch
 * @param stopReason "patience", "max-epochs", "time" or "stopped" (the listener asked)
 * @param seconds training time
 * @param steps training steps (frames)
 * @param finalState the state after the last epoch (what the last checkpoint holds)
 */
public record ModernResult(LstmStack best, int bestEpoch, double bestValid, int epochs, List<EpochStats> curve,
                           String stopReason, double seconds, long steps, TrainerState finalState) {}
