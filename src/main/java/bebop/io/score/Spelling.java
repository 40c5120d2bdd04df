package bebop.io.score;

import bebop.music.Pitch;

/**
 * How a MIDI pitch is written: a letter (step), an alteration in semitones and an octave
 * (scientific: MIDI 60 = C4). bebop writes in C with no key signature and spells the black keys as
 * a blues in C reads them: C#, Eb, F#, Ab, Bb (the flat third, seventh and sixth of the blues scale,
 * the sharp fourth as F#, and C# as the third of A7).
 */
public record Spelling(char step, int alter, int octave) {
    private static final char[] STEPS = {'C', 'C', 'D', 'E', 'E', 'F', 'F', 'G', 'A', 'A', 'B', 'B'};
    private static final int[] ALTERS = {0, 1, 0, -1, 0, 0, 1, 0, -1, 0, -1, 0};

    public static Spelling of(int midi) {
        Pitch.checkMidi(midi);
        int pc = Pitch.pitchClass(midi);
        return new Spelling(STEPS[pc], ALTERS[pc], Pitch.octave(midi));
    }

    /** LilyPond's (Dutch) note name with absolute octave marks: 60 = c', 63 = ees', 48 = c, 36 = c,. */
    public String lilyPond() {
        StringBuilder sb = new StringBuilder().append(Character.toLowerCase(step));
        sb.append(alter > 0 ? "is" : alter < 0 ? "es" : "");
        int marks = octave - 3;
        sb.append((marks >= 0 ? "'" : ",").repeat(Math.abs(marks)));
        return sb.toString();
    }
}
