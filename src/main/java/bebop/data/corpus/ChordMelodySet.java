package bebop.data.corpus;

import bebop.data.poly.PolyDataset;
import bebop.data.poly.PolyPiece;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A data set of melodies over chords, read apart (an imported corpus's {@code pieces.json}, or the
 * paper's blues): per piece and step the melody pitch (-1 = rest) and the chord's pitch classes
 * (a 12-bit set, bit 0 = C), in train / valid / test splits.
 *
 * @param name            for messages
 * @param stepsPerQuarter the grid
 */
public record ChordMelodySet(String name, int stepsPerQuarter, List<Piece> train, List<Piece> valid, List<Piece> test) {
    /** The lowest pitch of the chord register: pitch class k sounds as 48 + k. */
    public static final int CHORD_LOW = PieceVersion.CHORD_LOW;

    /**
     * One piece.
     *
     * @param stepsPerBar steps in one of its bars
     * @param melody      MIDI pitch per step, -1 for a rest
     * @param chords      pitch-class set per step
     */
    public record Piece(int stepsPerBar, int[] melody, int[] chords) {
        public Piece {
            melody = melody.clone();
            chords = chords.clone();
            if (melody.length != chords.length || melody.length == 0) {
                throw new IllegalArgumentException("a piece needs as many chord steps as melody steps, and at least one: "
                        + melody.length + " and " + chords.length);
            }
            if (stepsPerBar < 1) {
                throw new IllegalArgumentException("steps per bar must be positive: " + stepsPerBar);
            }
        }

        public int steps() {
            return melody.length;
        }

        /** The MIDI pitches sounding at step t: the chord in 48..59 and the melody (sharing a chord key). */
        public int[] pitches(int t) {
            int[] buf = new int[13];
            int n = 0;
            for (int pc = 0; pc < 12; pc++) {
                if ((chords[t] & (1 << pc)) != 0) {
                    buf[n++] = CHORD_LOW + pc;
                }
            }
            int m = melody[t];
            if (m >= 0 && !(m >= CHORD_LOW && m < CHORD_LOW + 12 && (chords[t] & (1 << (m - CHORD_LOW))) != 0)) {
                buf[n++] = m;
            }
            int[] f = Arrays.copyOf(buf, n);
            Arrays.sort(f);
            return f;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Piece p && stepsPerBar == p.stepsPerBar && Arrays.equals(melody, p.melody)
                    && Arrays.equals(chords, p.chords);
        }

        @Override
        public int hashCode() {
            return Objects.hash(stepsPerBar, Arrays.hashCode(melody), Arrays.hashCode(chords));
        }
    }

    public ChordMelodySet {
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        test = List.copyOf(test);
        if (stepsPerQuarter < 1) {
            throw new IllegalArgumentException("steps per quarter must be positive: " + stepsPerQuarter);
        }
    }

    /**
     * The paper's blues as melodies over chords: each chorus one piece of 96 eighth-note steps;
     * the choruses {@code training} train, {@code heldOut} validate, none test.
     */
    public static ChordMelodySet blues(bebop.data.BluesDataset data, int[] training, int[] heldOut) {
        return new ChordMelodySet("blues", bebop.encoding.LocalEncoding.STEPS_PER_QUARTER, bluesPieces(data, training),
                bluesPieces(data, heldOut), List.of());
    }

    private static List<Piece> bluesPieces(bebop.data.BluesDataset data, int[] choruses) {
        List<Piece> out = new ArrayList<>(choruses.length);
        int steps = bebop.encoding.LocalEncoding.STEPS_PER_CHORUS;
        int[] chords = new int[steps];
        for (int t = 0; t < steps; t++) {
            for (int note : data.form().chordAtStep(t).notes()) {
                chords[t] |= 1 << Math.floorMod(note - CHORD_LOW, 12);
            }
        }
        for (int i : choruses) {
            List<Integer> quarters = data.choruses().get(i).melody();
            int[] melody = new int[steps];
            for (int t = 0; t < steps; t++) {
                melody[t] = quarters.get(t / bebop.encoding.LocalEncoding.STEPS_PER_QUARTER);
            }
            out.add(new Piece(bebop.encoding.LocalEncoding.STEPS_PER_BAR, melody, chords));
        }
        return out;
    }

    /** The bar length most training pieces have (the first piece's on a tie; one bar of 4/4 when there is none). */
    public int stepsPerBar() {
        Map<Integer, Integer> count = new HashMap<>();
        int best = 4 * stepsPerQuarter;
        int bestCount = 0;
        for (Piece p : train) {
            int c = count.merge(p.stepsPerBar(), 1, Integer::sum);
            if (c > bestCount) {
                best = p.stepsPerBar();
                bestCount = c;
            }
        }
        return best;
    }

    /** The lowest and highest melody pitch of the training pieces, or {60, 72} when they hold no note. */
    public int[] melodyRange() {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (Piece p : train) {
            for (int m : p.melody()) {
                if (m >= 0) {
                    lo = Math.min(lo, m);
                    hi = Math.max(hi, m);
                }
            }
        }
        return lo > hi ? new int[] {60, 72} : new int[] {lo, hi};
    }

    /** The same pieces as an 88-key piano roll (chords in 48..59, melody on its key), the form import writes. */
    public PolyDataset toPoly() {
        return new PolyDataset(name, roll(train), roll(valid), roll(test));
    }

    private static List<PolyPiece> roll(List<Piece> pieces) {
        List<PolyPiece> out = new ArrayList<>(pieces.size());
        for (Piece p : pieces) {
            int[][] f = new int[p.steps()][];
            for (int t = 0; t < f.length; t++) {
                f[t] = p.pitches(t);
            }
            out.add(new PolyPiece(f));
        }
        return out;
    }
}
