package bebop.music;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A scale as a tonic and the pitch classes it contains. */
public record Scale(String name, int tonic, Set<Integer> pitchClasses) {
    /** The C blues scale, the paper's Figure 3 ("pentatonic"): C Eb F F# G Bb. */
    public static final Scale C_BLUES = of("C blues", 0, 0, 3, 5, 6, 7, 10);
    public static final Scale C_MAJOR = of("C major", 0, 0, 2, 4, 5, 7, 9, 11);
    public static final Scale C_MINOR_PENTATONIC = of("C minor pentatonic", 0, 0, 3, 5, 7, 10);

    public Scale {
        TreeSet<Integer> sorted = new TreeSet<>();
        for (int pc : pitchClasses) {
            if (pc < 0 || pc > 11) {
                throw new IllegalArgumentException("pitch class " + pc + " is outside 0..11");
            }
            sorted.add(pc);
        }
        pitchClasses = java.util.Collections.unmodifiableSortedSet(sorted);
    }

    public static Scale of(String name, int tonic, Integer... pitchClasses) {
        return new Scale(name, tonic, Set.of(pitchClasses));
    }

    /** The blues scale on any tonic: 1 b3 4 #4 5 b7. */
    public static Scale blues(int tonic) {
        return transposed("blues", tonic, C_BLUES);
    }

    public static Scale major(int tonic) {
        return transposed("major", tonic, C_MAJOR);
    }

    private static Scale transposed(String kind, int tonic, Scale inC) {
        TreeSet<Integer> pcs = new TreeSet<>();
        for (int pc : inC.pitchClasses) {
            pcs.add(Math.floorMod(pc + tonic, 12));
        }
        return new Scale(Pitch.className(tonic) + " " + kind, Math.floorMod(tonic, 12), pcs);
    }

    public boolean contains(int midi) {
        return pitchClasses.contains(Pitch.pitchClass(midi));
    }

    /** The scale's notes from {@code low} to {@code high} inclusive, as MIDI numbers. */
    public List<Integer> notesBetween(int low, int high) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int m = low; m <= high; m++) {
            if (contains(m)) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }
}
