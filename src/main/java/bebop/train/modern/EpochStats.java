package bebop.train.modern;

/**
 * One epoch of a modern training run.
 *
 * @param epoch the epoch, from 1
 * @param trainNll mean training NLL (nats per step) during the epoch, with dropout
 * @param validNll validation NLL after the epoch (nats per step)
 * @param validAccuracy validation frame accuracy
 * @param best whether this epoch is the best so far
 * @param seconds training time so far
 * @param stepsPerSecond training steps per second during the epoch
 * @param learningRate the learning rate during the epoch (NaN if not known: epochs before a resume)
 */
public record EpochStats(int epoch, double trainNll, double validNll, double validAccuracy, boolean best,
                         double seconds, double stepsPerSecond, double learningRate) {}
