package bebop.train.modern;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bebop.data.poly.PolyDataset;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The modern trainer's bits do not depend on its threads: digests of short trainings (weights and
 * every epoch's losses), pinned from the trainer before it had threads, for 1, 2 and 3 threads.
 */
class ThreadBitsTest {
    static ModernSettings bernoulli() {
        return ModernSettings.defaults(5).withLayers(List.of(24, 16)).withWindow(7).withBatch(5).withLearningRate(0.01)
                .withClipNorm(0.5).withDropout(0.3).withInputDropout(0.1).withMaxEpochs(3).withPatience(3);
    }

    static String digest(ModernResult r) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        ByteBuffer b = ByteBuffer.allocate(4);
        for (float f : r.finalState().parameters()) {
            md.update(b.clear().putInt(Float.floatToRawIntBits(f)).array());
        }
        for (EpochStats e : r.curve()) {
            md.update(ByteBuffer.allocate(16).putDouble(e.trainNll()).putDouble(e.validNll()).array());
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    @Test
    void threadsDoNotChangeTheBits() throws Exception {
        PolyDataset d = TinyData.make(7, 13, 4, 2, 30);
        // clip 0.5 clips most updates, 1.5 and 3 fewer (the team's unclipped shortcut)
        Object[][] runs = {
            {bernoulli(), "f49120b817743d7a"},
            {bernoulli().withNadeHidden(6), "c1adaf61e87b9fac"},
            {bernoulli().withClipNorm(1.5), "0e04d1eb7511d62f"},
            {bernoulli().withClipNorm(3).withNadeHidden(6), "caf18a7a581f9ade"},
        };
        for (Object[] run : runs) {
            ModernSettings s = (ModernSettings) run[0];
            for (int threads = 1; threads <= 3; threads++) {
                assertEquals(run[1], digest(ModernTrainer.train(d, s, "tiny", ModernListener.NONE, null, threads)),
                        s + ", " + threads + " threads");
            }
        }
    }

    @Test
    void scoresDoNotDependOnTheThreads() {
        PolyDataset d = TinyData.make(8, 6, 3, 5, 30);
        ModernResult r = ModernTrainer.train(d, bernoulli().withMaxEpochs(1), "tiny", ModernListener.NONE, null, 2);
        for (ModernResult m : new ModernResult[] {r, ModernTrainer.train(d, bernoulli().withMaxEpochs(1).withNadeHidden(5),
                "tiny", ModernListener.NONE, null, 2)}) {
            var one = PolyEvaluation.score(m.best(), d.test(), 6, 3, 1);
            var two = PolyEvaluation.score(m.best(), d.test(), 6, 3, 2);
            assertEquals(one.nll(), two.nll());
            assertEquals(one.accuracy(), two.accuracy());
        }
    }
}
