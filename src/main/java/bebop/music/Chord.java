package bebop.music;

import java.util.List;

/**
 * A chord as the paper voices it: a symbol for people ("F7") and the exact MIDI notes that sound.
 * The notes are sorted and distinct; no notes is no chord ("N.C.").
 */
public record Chord(String symbol, List<Integer> notes) {
    public Chord {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("a chord needs a symbol");
        }
        notes = List.copyOf(notes);
        for (int i = 0; i < notes.size(); i++) {
            Pitch.checkMidi(notes.get(i));
            if (i > 0 && notes.get(i) <= notes.get(i - 1)) {
                throw new IllegalArgumentException("chord " + symbol + " notes must be sorted and distinct: " + notes);
            }
        }
    }

    public static Chord of(String symbol, Integer... notes) {
        return new Chord(symbol, List.of(notes));
    }

    /** True when the chord sounds the given MIDI note. */
    public boolean contains(int midi) {
        return notes.contains(midi);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(symbol).append(" (");
        for (int i = 0; i < notes.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(Pitch.name(notes.get(i)));
        }
        return sb.append(')').toString();
    }
}
