package bebop.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Chord spellings and the pitch classes each stands for, written out by hand from the standard
 * definitions (MusicXML 4.0's kind values: the 11th chord holds the 9th, the 13th the 9th and 11th;
 * alt = b5 b9 #9 b13 over a dominant seventh; functional sixths on the key's tonic), for the parser,
 * the MusicXML round trip and the schema test. One row: symbol, then its notes (any spelling).
 */
public final class ChordTable {
    private ChordTable() {}

    public record Row(String symbol, String notes) {
        /** The expected pitch classes, sorted. */
        public List<Integer> pitchClasses() {
            if (notes.isEmpty()) {
                return List.of();
            }
            return java.util.Arrays.stream(notes.split(" ")).map(Pitch::parseClass).distinct().sorted().toList();
        }
    }

    private static final String[] ROWS = {
        // triads
        "C", "C E G", "CM", "C E G", "Cmaj", "C E G", "Cm", "C Eb G", "Cmi", "C Eb G", "Cmin", "C Eb G",
        "C-", "C Eb G", "Caug", "C E G#", "C+", "C E G#", "C+5", "C E G#", "C(#5)", "C E G#",
        "Cdim", "C Eb Gb", "Co", "C Eb Gb", "C\u00B0", "C Eb Gb", "C(b5)", "C E Gb",
        // sevenths
        "C7", "C E G Bb", "Cmaj7", "C E G B", "CM7", "C E G B", "CMaj7", "C E G B", "Cma7", "C E G B",
        "C\u0394", "C E G B", "C\u03947", "C E G B", "C^7", "C E G B", "C^", "C E G B",
        "Cm7", "C Eb G Bb", "Cmi7", "C Eb G Bb", "Cmin7", "C Eb G Bb", "C-7", "C Eb G Bb",
        "Cdim7", "C Eb Gb Bbb", "Co7", "C Eb Gb A", "C\u00B07", "C Eb Gb A",
        "Caug7", "C E G# Bb", "C+7", "C E G# Bb", "C7+", "C E G# Bb", "C7#5", "C E G# Bb", "C7+5", "C E G# Bb",
        "Cm7b5", "C Eb Gb Bb", "C\u00F8", "C Eb Gb Bb", "C\u00F87", "C Eb Gb Bb", "Ch", "C Eb Gb Bb",
        "Ch7", "C Eb Gb Bb", "C-7b5", "C Eb Gb Bb", "Cmin7b5", "C Eb Gb Bb", "Cm7(b5)", "C Eb Gb Bb",
        "Cmi7b5", "C Eb Gb Bb",
        "CmMaj7", "C Eb G B", "CmM7", "C Eb G B", "Cm(maj7)", "C Eb G B", "C-\u03947", "C Eb G B",
        "Cm^7", "C Eb G B", "C-maj7", "C Eb G B", "CminMaj7", "C Eb G B",
        "C7b5", "C E Gb Bb", "Cmaj7#5", "C E G# B", "C+maj7", "C E G# B", "Caugmaj7", "C E G# B",
        "C+M7", "C E G# B", "Cmaj7b5", "C E Gb B",
        // sixths
        "C6", "C E G A", "CM6", "C E G A", "Cmaj6", "C E G A", "Cm6", "C Eb G A", "C-6", "C Eb G A",
        "Cmin6", "C Eb G A", "C6/9", "C E G A D", "C69", "C E G A D", "C6add9", "C E G A D",
        "Cm6/9", "C Eb G A D", "Cm69", "C Eb G A D",
        // ninths
        "C9", "C E G Bb D", "Cmaj9", "C E G B D", "CM9", "C E G B D", "C\u03949", "C E G B D", "C^9", "C E G B D",
        "Cm9", "C Eb G Bb D", "C-9", "C Eb G Bb D", "Cmin9", "C Eb G Bb D",
        "C7b9", "C E G Bb Db", "C7#9", "C E G Bb D#", "C7(b9)", "C E G Bb Db", "C7-9", "C E G Bb Db",
        "C7(#9)", "C E G Bb D#", "C7+9", "C E G Bb D#", "C9b5", "C E Gb Bb D", "C9#5", "C E G# Bb D",
        "C+9", "C E G# Bb D", "Caug9", "C E G# Bb D", "CmMaj9", "C Eb G B D", "Cm9b5", "C Eb Gb Bb D",
        "C\u00F89", "C Eb Gb Bb D", "Cadd9", "C E G D", "C(add9)", "C E G D", "Cadd2", "C E G D",
        "Cmadd9", "C Eb G D", "Cm(add9)", "C Eb G D", "C7add9", "C E G Bb D",
        // elevenths
        "C11", "C E G Bb D F", "Cm11", "C Eb G Bb D F", "C-11", "C Eb G Bb D F", "Cmaj11", "C E G B D F",
        "C9#11", "C E G Bb D F#", "C7#11", "C E G Bb F#", "Cmaj7#11", "C E G B F#", "C\u0394#11", "C E G B F#",
        "Cmaj9#11", "C E G B D F#", "Cm11b5", "C Eb Gb Bb D F", "Cadd11", "C E G F", "Cadd4", "C E G F",
        "C\u00F811", "C Eb Gb Bb D F", "Cm7add11", "C Eb G Bb F",
        // thirteenths
        "C13", "C E G Bb D F A", "Cm13", "C Eb G Bb D F A", "Cmaj13", "C E G B D F A",
        "C13#11", "C E G Bb D F# A", "C13b9", "C E G Bb Db F A", "C7b13", "C E G Bb Ab", "C7#9b13", "C E G Bb D# Ab",
        "C7b9b13", "C E G Bb Db Ab", "C7b9#11", "C E G Bb Db F#", "C7#9#11", "C E G Bb D# F#",
        "C7#5#9", "C E G# Bb D#", "C7b5b9", "C E Gb Bb Db", "C7(b9,#11)", "C E G Bb Db F#",
        "C7(#9,b13)", "C E G Bb D# Ab", "C7alt", "C E Gb Bb Db D# Ab", "Calt", "C E Gb Bb Db D# Ab",
        "Cadd13", "C E G A", "Cadd6", "C E G A", "C13sus4", "C F G Bb D A",
        // suspended
        "Csus", "C F G", "Csus4", "C F G", "Csus2", "C D G", "C7sus", "C F G Bb", "C7sus4", "C F G Bb",
        "C9sus4", "C F G Bb D", "C9sus", "C F G Bb D", "C7sus2", "C D G Bb", "Cmaj7sus4", "C F G B",
        "C7sus4b9", "C F G Bb Db", "C7susb9", "C F G Bb Db", "Csus4add9", "C F G D", "Csus(add9)", "C F G D",
        // power, pedal, functional sixths, Tristan
        "C5", "C G", "Cped", "C", "Cpedal", "C", "CN6", "Db F Ab", "CIt+6", "C F# Ab", "CIt6", "C F# Ab",
        "CFr+6", "C D F# Ab", "CGer+6", "C Eb F# Ab", "CGr+6", "C Eb F# Ab", "FTristan", "F B D# G#",
        // omissions
        "C7omit3", "C G Bb", "C7no3", "C G Bb", "C7omit5", "C E Bb", "C7no5", "C E Bb", "Comit3", "C G",
        "Cmaj7(omit5)", "C E B",
        // slash chords and inversions
        "C/E", "C E G", "C/G", "C E G", "F7/C", "F A C Eb", "C7/Bb", "C E G Bb", "Bb/C", "Bb D F C",
        "Am7/G", "A C E G", "D/F#", "D F# A", "Cm/Bb", "C Eb G Bb", "Fmaj7/A", "F A C E", "G7b9/F", "G B D F Ab",
        "Ab/Bb", "Ab C Eb Bb", "C7alt/E", "C E Gb Bb Db D# Ab", "Dm7/C", "D F A C",
        // other roots and accidentals
        "F#7", "F# A# C# E", "Gb7", "Gb Bb Db Fb", "Bbm7", "Bb Db F Ab", "Ebmaj7", "Eb G Bb D",
        "C#m7b5", "C# E G B", "Dbmaj9", "Db F Ab C Eb", "Abm6", "Ab Cb Eb F", "E7#9", "E G# B D F##",
        "B7alt", "B D# F A C D G", "F#\u00F87", "F# A C E", "Cbmaj7", "B D# F# A#", "E#m", "F Ab C",
        "F\u266F7", "F# A# C# E", "B\u266Dm7", "Bb Db F Ab", "Bbb", "A C# E", "G##", "A C# E",
        // the issue's jazz blues spellings
        "F13", "F A C Eb G Bb D", "G7sus4", "G C D F", "F7alt", "F A Cb Eb Gb G# Db", "G7#9", "G B D F A#",
        "Bb9sus4", "Bb Eb F Ab C", "D7b9", "D F# A C Eb", "Eo7", "E G Bb Db", "Bb9", "Bb D F Ab C", "Gm7", "G Bb D F",
        "Eb7", "Eb G Bb Db",
        // no chord
        "N.C.", "", "NC", "", "N.C", "",
    };

    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < ROWS.length; k += 2) {
            rows.add(new Row(ROWS[k], ROWS[k + 1]));
        }
        return rows;
    }

    /** Spellings that are not chord symbols, with the 1-based character the error must name. */
    public static final Object[][] BAD = {
        {"H7", 1}, {"C7#", 3}, {"Cmaj77", 6}, {"c7", 1}, {"Cx", 2}, {"C7(b9", 3}, {"Cdim9", 5}, {"C7/Q", 3},
        {"Cm7sus4", 4}, {"Cadd", 5}, {"Comit7", 6}, {"C/E7", 4},
    };
}
