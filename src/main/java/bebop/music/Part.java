package bebop.music;

import java.util.Comparator;
import java.util.List;

/**
 * One voice of a score: a name, the MIDI channel (0..15) and General MIDI program (0..127) it plays
 * on, and its notes sorted by onset, then pitch.
 */
public record Part(String name, int channel, int program, List<Note> notes) {
    public static final String CHORDS = "Chords";
    public static final String MELODY = "Melody";
    /** bebop's own scores: chords on channel 1 (index 0) as piano, melody on channel 2 as alto sax. */
    public static final int CHORD_CHANNEL = 0;
    public static final int CHORD_PROGRAM = 0;
    public static final int MELODY_CHANNEL = 1;
    public static final int MELODY_PROGRAM = 65;

    private static final Comparator<Note> ORDER =
            Comparator.comparingLong(Note::start).thenComparingInt(Note::pitch).thenComparingLong(Note::duration);

    public Part {
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("MIDI channel " + channel + " is outside 0..15");
        }
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("MIDI program " + program + " is outside 0..127");
        }
        name = name == null ? "" : name;
        notes = notes.stream().sorted(ORDER).toList();
    }

    /** The last tick at which any note of this part sounds, plus one; 0 when it is silent. */
    public long end() {
        long end = 0;
        for (Note n : notes) {
            end = Math.max(end, n.end());
        }
        return end;
    }
}
