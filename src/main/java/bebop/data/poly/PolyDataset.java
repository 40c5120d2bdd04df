package bebop.data.poly;

import java.util.List;
import java.util.Objects;

/**
 * A polyphonic piano-roll data set in the form of Boulanger-Lewandowski et al. (2012): train,
 * valid and test splits of pieces; each piece a sequence of sets of MIDI pitches 21..108 (the 88
 * piano keys). JSB Chorales and Nottingham come in this form, and {@code bebop import} writes it.
 *
 * @param name a short name for reports (the file or the bundled set's name)
 * @param train the training pieces
 * @param valid the validation pieces (model selection, early stopping)
 * @param test the test pieces (reported figures)
 */
public record PolyDataset(String name, List<PolyPiece> train, List<PolyPiece> valid, List<PolyPiece> test) {
    /** The lowest pitch of the roll, A0. */
    public static final int LOWEST = 21;
    /** The highest pitch of the roll, C8. */
    public static final int HIGHEST = 108;
    /** Units per frame: the 88 keys. */
    public static final int KEYS = HIGHEST - LOWEST + 1;

    /** The three splits in file order. */
    public static final List<String> SPLITS = List.of("train", "valid", "test");

    public PolyDataset {
        Objects.requireNonNull(name, "name");
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        test = List.copyOf(test);
    }

    /** The split called {@code split} ("train", "valid" or "test"). */
    public List<PolyPiece> split(String split) {
        return switch (split) {
            case "train" -> train;
            case "valid" -> valid;
            case "test" -> test;
            default -> throw new IllegalArgumentException("no split '" + split + "' (train, valid, test)");
        };
    }

    /** Total time steps of a list of pieces. */
    public static long frames(List<PolyPiece> pieces) {
        long n = 0;
        for (PolyPiece p : pieces) {
            n += p.length();
        }
        return n;
    }
}
