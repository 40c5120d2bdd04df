package bebop.nn;

/**
 * A learner that trains its own copy of a network's weights ({@link PackedLearner},
 * {@link FloatLearner}) and writes it back when the network's arrays are read ({@link LstmNetwork#sync()}).
 */
interface AheadCopy {
    /** Writes this learner's weights into the network's arrays. */
    void writeBack();
}
