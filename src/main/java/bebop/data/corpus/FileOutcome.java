package bebop.data.corpus;

/** What importing one file gave: a piece, or a rejection with a reason for a person. */
public sealed interface FileOutcome {
    /** The file gave a piece. */
    record Imported(ExtractedPiece piece) implements FileOutcome {}

    /**
     * The file was rejected.
     *
     * @param rejection the kind of problem
     * @param reason one line for a person, such as "truncated MIDI file (track 2 ends early)"
     */
    record Rejected(Rejection rejection, String reason) implements FileOutcome {
        public Rejected {
            if (rejection == null || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a rejection needs a kind and a reason");
            }
        }
    }
}
