package bebop.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import bebop.nn.Arithmetic;
import bebop.nn.LstmConfig;
import bebop.nn.LstmNetwork;
import bebop.nn.LstmSequenceModel;
import bebop.nn.Normalizer;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Pieces composed in one pass are the pieces composed one at a time, frame for frame. */
class ComposeBatchTest {
    @Test
    void aBatchOfPiecesIsEachPieceComposedAlone() {
        for (Arithmetic arithmetic : Arithmetic.values()) {
            LstmNetwork net = LstmNetwork.create(LstmConfig.experiment2().withInitRange(1.0), new SplittableRandom(11),
                    arithmetic);
            Normalizer norm = Normalizer.identity(net.inputs());
            FrameLayout layout = FrameLayout.of(net.inputs());
            int n = 6;
            int steps = 2 * 96;
            double[][][] primers = new double[n][][];
            RandomGenerator[] rngs = new RandomGenerator[n];
            SplittableRandom pick = new SplittableRandom(5);
            for (int b = 0; b < n; b++) {
                primers[b] = new double[1 + b * 3][net.inputs()];
                for (double[] f : primers[b]) {
                    f[pick.nextInt(12)] = 1;
                    f[12 + pick.nextInt(13)] = 1;
                }
                rngs[b] = new SplittableRandom(100 + b);
            }
            double[][][] batch = Composer.composeBatch(net, norm, layout, primers, steps, 1.0, rngs);
            for (int b = 0; b < n; b++) {
                double[][] alone = Composer.compose(new LstmSequenceModel(net, norm), layout, primers[b], steps, 1.0,
                        new SplittableRandom(100 + b));
                for (int t = 0; t < steps; t++) {
                    assertArrayEquals(alone[t], batch[b][t], 0.0, arithmetic.id() + " piece " + b + " step " + t);
                }
            }
        }
    }
}
