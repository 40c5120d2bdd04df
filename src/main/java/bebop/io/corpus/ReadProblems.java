package bebop.io.corpus;

import bebop.data.corpus.FileOutcome;
import bebop.data.corpus.Rejection;

/**
 * Maps the messages of {@link bebop.io.midi.MidiReader}'s errors ("NAME: truncated MIDI file (track 2
 * ends early)") to a {@link Rejection} and a reason without the file name.
 */
final class ReadProblems {
    private ReadProblems() {}

    static FileOutcome.Rejected rejection(String name, String message) {
        String m = message != null && message.startsWith(name + ": ") ? message.substring(name.length() + 2) : String.valueOf(message);
        return new FileOutcome.Rejected(kind(m), m);
    }

    static Rejection kind(String problem) {
        if (problem.startsWith("empty file")) {
            return Rejection.EMPTY;
        }
        if (problem.startsWith("not a MIDI file")) {
            return Rejection.NOT_MIDI;
        }
        if (problem.startsWith("truncated")) {
            return Rejection.TRUNCATED;
        }
        if (problem.startsWith("MIDI type 2")) {
            return Rejection.TYPE_2;
        }
        if (problem.startsWith("unsupported") || problem.startsWith("too large") || problem.contains("SMPTE")) {
            return Rejection.UNSUPPORTED;
        }
        if (problem.startsWith("no such file") || problem.startsWith("cannot read") || problem.startsWith("is a directory")
                || problem.startsWith("unreadable")) {
            return Rejection.UNREADABLE;
        }
        return Rejection.CORRUPT;
    }
}
