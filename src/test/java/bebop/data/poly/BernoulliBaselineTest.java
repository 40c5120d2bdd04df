package bebop.data.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bebop.io.poly.PolyJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class BernoulliBaselineTest {
    @Test
    void reproducesThePublishedJsbFigure() {
        PolyDataset d = PolyJson.bundled("jsb");
        assertEquals(229, d.train().size());
        assertEquals(13_807, PolyDataset.frames(d.train()));
        FrameScore s = BernoulliBaseline.fit(d.train()).score(d.test());
        assertEquals(4_725, s.frames());
        assertEquals("11.06", String.format(java.util.Locale.ROOT, "%.2f", s.nll()));
        assertEquals(11.061, s.nll(), 5e-4);
        assertEquals(10.952, BernoulliBaseline.fit(d.train()).score(d.valid()).nll(), 5e-4);
    }

    @Test
    void reproducesThePublishedNottinghamFigure() {
        PolyDataset d = PolyJson.bundled("nottingham");
        assertEquals(694, d.train().size());
        assertEquals(176_561, PolyDataset.frames(d.train()));
        FrameScore s = BernoulliBaseline.fit(d.train()).score(d.test());
        assertEquals("10.25", String.format(java.util.Locale.ROOT, "%.2f", s.nll()));
        assertEquals(10.252, s.nll(), 5e-4);
    }

    @Test
    void addOneSmoothingByHand() {
        PolyPiece a = new PolyPiece(new int[][] {{60}, {60, 64}, {}});
        double[] p = BernoulliBaseline.fit(List.of(a)).probabilities();
        assertEquals(3.0 / 5, p[60 - 21], 1e-15);
        assertEquals(2.0 / 5, p[64 - 21], 1e-15);
        assertEquals(1.0 / 5, p[0], 1e-15);
    }

    @Test
    void frameAccuracyCountsPooledOverFrames() {
        FrameScore s = new FrameScore();
        double[] p = {0.9, 0.6, 0.1, 0.2};
        s.add(p, 0, new float[] {1, 0, 1, 0}, 0, 4); // TP 1, FP 1, FN 1
        s.add(new double[] {0.1, 0.1, 0.1, 0.1}, 0, new float[] {0, 0, 0, 0}, 0, 4); // nothing
        assertEquals(1.0 / 3, s.accuracy(), 1e-15);
        double nll1 = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.1) + Math.log(0.8));
        double nll2 = -4 * Math.log(0.9);
        assertEquals((nll1 + nll2) / 2, s.nll(), 1e-12);
    }
}
