package bebop.data.corpus;

import bebop.music.Pitch;

/**
 * A key as estimated from a piece: tonic pitch class (0 = C) and mode, with the correlation that chose it.
 */
public record Key(int tonic, boolean minor, double correlation) {
    public Key {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic " + tonic + " is outside 0..11");
        }
    }

    /** "G major", "F# minor" spelled with flats as bebop does: "Eb major", "Bb minor". */
    public String name() {
        return Pitch.className(tonic) + (minor ? " minor" : " major");
    }

    /**
     * The shift in semitones that moves this key to C major (or A minor for a minor key) by the
     * smallest interval, in -6..+5 (a tritone goes down).
     */
    public int shiftToC() {
        int target = minor ? 9 : 0;
        int up = Math.floorMod(target - tonic, 12);
        return up > 5 ? up - 12 : up;
    }

    /** This key moved by {@code semitones}. */
    public Key transposed(int semitones) {
        return new Key(Math.floorMod(tonic + semitones, 12), minor, correlation);
    }
}
