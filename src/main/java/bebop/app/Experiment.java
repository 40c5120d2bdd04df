package bebop.app;

/** The paper's experiments. Lower case: the command line matches them as typed. */
public enum Experiment {
    /** Experiment 1: the 12-bar chord form alone. */
    chords,
    /** Experiment 2: chords and an improvised melody. */
    melody
}
