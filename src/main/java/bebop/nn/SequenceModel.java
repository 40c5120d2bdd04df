package bebop.nn;

/**
 * Anything that reads a sequence of frames one step at a time and predicts, after each, the
 * probability of every unit being on in the next frame: the paper's LSTM and the baselines it is
 * compared with (Markov chains, an Elman network). Generation, evaluation and the comparison
 * report work through this interface only.
 */
public interface SequenceModel {
    /** Units per frame, in and out. */
    int units();

    /** Forgets everything seen: the state at the start of a piece. */
    void reset();

    /**
     * Reads one raw frame (0/1 units, not normalised) and returns the probabilities of each unit
     * in the next frame. The returned array may be a buffer that the next call overwrites.
     */
    double[] step(double[] frame);

    /** A short name for reports ("LSTM", "Markov k=4", "Elman"). */
    String name();
}
