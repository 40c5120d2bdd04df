package bebop.train;

/**
 * Progress after one epoch.
 *
 * @param epoch            1-based epoch number
 * @param totalSteps       training steps so far
 * @param stepsPerSecond   training speed so far (steps / wall-clock seconds, stop tests included)
 * @param meanCrossEntropy mean over the epoch's steps of the cross-entropy summed over output units
 * @param resets           resets on gross error during this epoch
 * @param freeRunCorrect   how many free-running steps from frame 0 were right before the first
 *                         wrong frame in the stop test after this epoch (at most stopCycles * 96)
 */
public record EpochReport(long epoch, long totalSteps, double stepsPerSecond, double meanCrossEntropy,
                          int resets, int freeRunCorrect) {
}
