package bebop.data.corpus;

/**
 * Why a file of a corpus was not imported. The {@link #code()} is stable for programs reading the
 * report; the reason a person reads is the code's phrase with details (see {@link FileOutcome}).
 */
public enum Rejection {
    /** The file could not be read (permission denied, an I/O error, too large). */
    UNREADABLE("unreadable"),
    /** The file is empty (0 bytes). */
    EMPTY("empty"),
    /** The file does not start with a MIDI header (MThd). */
    NOT_MIDI("not-midi"),
    /** The file ends before its header or one of its tracks does (including a header with no tracks). */
    TRUNCATED("truncated"),
    /** A type 2 MIDI file (independent sequences), which has no single time line to import. */
    TYPE_2("type-2"),
    /** The bytes are MIDI but broken inside (bad header values, bad events). */
    CORRUPT("corrupt"),
    /** A MIDI file bebop cannot read (SMPTE time, odd time signature or tempo). */
    UNSUPPORTED("unsupported"),
    /** The file holds no notes. */
    NO_NOTES("no-notes"),
    /** Every note is on channel 10 (General MIDI drums). */
    DRUMS_ONLY("drums-only"),
    /** The melody asked for ({@code track:N}, {@code channel:N}) is not in the file. */
    NO_MELODY("no-melody"),
    /** Fewer than {@link ImportOptions#MIN_BARS} bars of music. */
    TOO_SHORT("too-short"),
    /** The time signature has no whole number of grid steps per bar (for example 7/16 on the 8th grid). */
    OFF_GRID("off-grid");

    private final String code;

    Rejection(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
