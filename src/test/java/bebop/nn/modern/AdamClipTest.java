package bebop.nn.modern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Gradient clipping by the global norm: a clipped gradient has the bits of the plain loop (the
 * norm summed in index order, one scale), whatever the team; a gradient below the limit is left
 * as it is, and the norm the quick check returns is the in-order norm up to the order's rounding.
 */
class AdamClipTest {
    private static float[] gradient(int n, long seed) {
        Random r = new Random(seed);
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = (float) (r.nextGaussian() * 0.01);
        }
        return g;
    }

    private static double inOrderNorm(float[] g) {
        double s = 0;
        for (float x : g) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void aClippedGradientHasThePlainLoopsBitsWhateverTheTeam() {
        float[] g = gradient(10_001, 1);
        double norm = inOrderNorm(g);
        double maxNorm = norm / 3;
        float scale = (float) (maxNorm / norm);
        float[] want = g.clone();
        for (int i = 0; i < want.length; i++) {
            want[i] *= scale;
        }
        for (int threads = 1; threads <= 3; threads++) {
            try (Team team = new Team(threads)) {
                float[] got = g.clone();
                assertEquals(norm, Adam.clipNorm(got, maxNorm, team), 0.0, "threads " + threads);
                assertArrayEquals(want, got, "threads " + threads);
            }
        }
    }

    @Test
    void aGradientBelowTheLimitIsLeftAsItIs() {
        float[] g = gradient(10_001, 2);
        double norm = inOrderNorm(g);
        for (double maxNorm : new double[] {norm * 2, norm}) { // well below, and exactly at the limit
            for (int threads = 1; threads <= 3; threads++) {
                try (Team team = new Team(threads)) {
                    float[] got = g.clone();
                    assertEquals(norm, Adam.clipNorm(got, maxNorm, team), norm * 1e-12, "threads " + threads);
                    assertArrayEquals(g, got, "threads " + threads + ", limit " + maxNorm);
                }
            }
        }
        float[] got = g.clone();
        assertEquals(norm, Adam.clipNorm(got, 0), 0.0); // 0: no clipping, the in-order norm
        assertArrayEquals(g, got);
    }
}
