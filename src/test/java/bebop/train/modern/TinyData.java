package bebop.train.modern;

import bebop.data.poly.PolyDataset;
import bebop.data.poly.PolyPiece;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small learnable data sets for tests: chord progressions cycling with some noise. */
final class TinyData {
    private TinyData() {}

    static PolyDataset make(long seed, int train, int valid, int test, int length) {
        Random r = new Random(seed);
        return new PolyDataset("tiny", pieces(r, train, length), pieces(r, valid, length), pieces(r, test, length));
    }

    private static List<PolyPiece> pieces(Random r, int n, int length) {
        int[][] chords = {{60, 64, 67}, {65, 69, 72}, {67, 71, 74}, {60, 64, 67}};
        List<PolyPiece> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = length / 2 + r.nextInt(length);
            int shift = r.nextInt(5) - 2;
            int[][] frames = new int[len][];
            for (int t = 0; t < len; t++) {
                int[] c = chords[(t / 2) % 4];
                if (r.nextDouble() < 0.1) {
                    frames[t] = new int[] {40 + r.nextInt(40)};
                } else {
                    frames[t] = new int[] {c[0] + shift, c[1] + shift, c[2] + shift};
                }
            }
            out.add(new PolyPiece(frames));
        }
        return out;
    }
}
