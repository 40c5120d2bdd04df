package bebop.music;

import java.util.Locale;

/** Pitch names and MIDI numbers: MIDI 60 is C4 (middle C), MIDI 0 is C-1. */
public final class Pitch {
    private static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    private static final String[] FLAT_NAMES = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};

    private Pitch() {}

    /** The pitch class (0 = C … 11 = B) of a MIDI number. */
    public static int pitchClass(int midi) {
        return Math.floorMod(midi, 12);
    }

    /** The octave of a MIDI number in scientific pitch notation (MIDI 60 = octave 4). */
    public static int octave(int midi) {
        return Math.floorDiv(midi, 12) - 1;
    }

    /** The name of a pitch class, spelled with flats (blues spelling: Eb, Bb). */
    public static String className(int pitchClass) {
        return FLAT_NAMES[Math.floorMod(pitchClass, 12)];
    }

    /** The scientific name of a MIDI number, spelled with flats: 63 is "Eb4". */
    public static String name(int midi) {
        checkMidi(midi);
        return FLAT_NAMES[pitchClass(midi)] + octave(midi);
    }

    /** Parses "C4", "Eb4", "F#3", "c#5", "B-1" into a MIDI number. */
    public static int parse(String name) {
        String s = name.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty pitch name");
        }
        int pc = letterClass(Character.toUpperCase(s.charAt(0)), name);
        int i = 1;
        while (i < s.length() && (s.charAt(i) == '#' || s.charAt(i) == 'b')) {
            pc += s.charAt(i) == '#' ? 1 : -1;
            i++;
        }
        int octave;
        try {
            octave = Integer.parseInt(s.substring(i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pitch name '" + name + "' has no octave number (write it like C4 or Eb3)");
        }
        int midi = (octave + 1) * 12 + pc;
        checkMidi(midi);
        return midi;
    }

    /** Parses a pitch-class name without octave ("C", "Eb", "F#") into 0..11. */
    public static int parseClass(String name) {
        String s = name.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty pitch class name");
        }
        int pc = letterClass(Character.toUpperCase(s.charAt(0)), name);
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '#') {
                pc++;
            } else if (c == 'b') {
                pc--;
            } else {
                throw new IllegalArgumentException("'" + name + "' is not a pitch class name");
            }
        }
        return Math.floorMod(pc, 12);
    }

    public static void checkMidi(int midi) {
        if (midi < 0 || midi > 127) {
            throw new IllegalArgumentException("MIDI note " + midi + " is outside 0..127");
        }
    }

    private static int letterClass(char letter, String whole) {
        switch (letter) {
            case 'C': return 0;
            case 'D': return 2;
            case 'E': return 4;
            case 'F': return 5;
            case 'G': return 7;
            case 'A': return 9;
            case 'B': return 11;
            default:
                throw new IllegalArgumentException(String.format(Locale.ROOT, "'%s' is not a pitch name", whole));
        }
    }

    /** Sharp spelling, for callers that need it (for example chord roots named by sharps). */
    static String sharpClassName(int pitchClass) {
        return SHARP_NAMES[Math.floorMod(pitchClass, 12)];
    }
}
