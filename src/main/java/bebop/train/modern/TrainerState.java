package bebop.train.modern;

import bebop.nn.modern.LstmStackConfig;

/**
 * Everything a modern training run needs to continue exactly where it stopped, taken at the end of
 * an epoch: a run resumed from it makes the same models, bit for bit, as the run that wrote it
 * would have made. Arrays are owned by the state (copies on the way in and out are the caller's
 * business: the trainer hands out fresh arrays).
 *
 * @param settings the run's settings
 * @param config the network's shape
 * @param dataFingerprint a digest of the training data (a resumed run must use the same data)
 * @param epoch epochs done
 * @param parameters the network's parameters now
 * @param adamFirst Adam's first moments
 * @param adamSecond Adam's second moments
 * @param adamSteps Adam's update count
 * @param rngState the run's random generator state (data order and dropout masks)
 * @param nextOrder the order of the training pieces in the next epoch
 * @param bestParameters the parameters of the best epoch so far (lowest validation NLL)
 * @param bestEpoch that epoch (0 before any)
 * @param bestValid its validation NLL
 * @param badEpochs epochs since the best one
 * @param learningRate the learning rate of the next epoch (the settings' rate, halved at each decay)
 * @param decayBadEpochs epochs without a better validation NLL since the best epoch or the last
 *     decay, whichever is later (the count the settings' {@code decayPatience} is checked against)
 * @param trainCurve training NLL per epoch (nats per step, with dropout, during the epoch)
 * @param validCurve validation NLL per epoch
 * @param seconds training time so far
 * @param steps training steps (valid frames) so far
 */
public record TrainerState(ModernSettings settings, LstmStackConfig config, String dataFingerprint, int epoch,
                           float[] parameters, float[] adamFirst, float[] adamSecond, long adamSteps, long rngState,
                           int[] nextOrder, float[] bestParameters, int bestEpoch, double bestValid, int badEpochs,
                           double learningRate, int decayBadEpochs,
                           double[] trainCurve, double[] validCurve, double seconds, long steps) {}
