package bebop.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.data.BluesDataset;
import bebop.data.Split;
import bebop.data.corpus.ChordMelodySet;
import bebop.music.BluesForm;
import bebop.nn.Arithmetic;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The BPTT recipes' epochs allocate (almost) nothing once the run is under way: bytes allocated
 * by the training thread per epoch (a count of bytes, not a timing), through the three public
 * entry points. Sequence buffers, the gradient workspace, Adam's moments and the stop tests' free
 * runners are sized once per run; what is left is the epoch's {@link EpochReport} and its slot in
 * the curve, and the chord test's restarted generator (about 70 to 120 bytes an epoch; before they
 * shared one loop, 320 kB an epoch for Experiment 1 and 650 kB for Experiment 2 and the corpus
 * recipe). Like {@code bebop.bench.AllocationTest}, the plain path is measured, after a warm-up
 * for the JIT, in windows until one stays under the bound.
 */
class EpochAllocationTest {
    private static final int WARM = 1_000;
    private static final int WINDOW = 200;
    private static final int WINDOWS = 6;
    /** Bytes an epoch: an EpochReport with its curve slot, a generator; a stray array of a step's state would be far more. */
    private static final double MAX_BYTES_PER_EPOCH = 512;

    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void setUp() {
        var bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter");
        threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "no allocation counter");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /** Measures windows of epochs after the warm-up and stops the run once one is under the bound. */
    private static final class Meter implements TrainingListener {
        private final long thread = Thread.currentThread().getId();
        private long epochs;
        private long windowStart;
        private int windows;
        double best = Double.POSITIVE_INFINITY;

        @Override
        public void onEpoch(EpochReport report) {
            epochs++;
            if (epochs == WARM) {
                windowStart = threads.getThreadAllocatedBytes(thread);
            } else if (epochs > WARM && (epochs - WARM) % WINDOW == 0) {
                long now = threads.getThreadAllocatedBytes(thread);
                best = Math.min(best, (now - windowStart) / (double) WINDOW);
                windows++;
                windowStart = threads.getThreadAllocatedBytes(thread);
            }
        }

        @Override
        public boolean stopRequested() {
            return best <= MAX_BYTES_PER_EPOCH || windows >= WINDOWS;
        }

        void check(String what) {
            assertTrue(windows > 0, what + " ended after " + epochs + " epochs, before a window was measured");
            assertTrue(best <= MAX_BYTES_PER_EPOCH, what + " allocates " + best + " bytes per epoch");
        }
    }

    private static final long MAX_EPOCHS = WARM + (long) WINDOW * WINDOWS + 1;

    @Test
    void experiment1EpochsAllocateAlmostNothing() {
        // a learning rate too small to learn the form in these epochs: the run does not stop early
        Experiment1Settings s = Experiment1Settings.defaults(1).withLearningRate(1e-6).withMaxEpochs(MAX_EPOCHS);
        Meter m = new Meter();
        Experiment1.train(s, Experiment1.newNetwork(s).copy(Arithmetic.PLAIN), m);
        m.check("Experiment 1 (BPTT)");
    }

    @Test
    void experiment2EpochsAllocateAlmostNothing() {
        Experiment2Settings s = Experiment2Settings.defaults(1).withLearningRate(1e-6).withMaxEpochs(MAX_EPOCHS);
        Meter m = new Meter();
        Experiment2.train(s, Experiment2.newNetwork(s).copy(Arithmetic.PLAIN), m);
        m.check("Experiment 2 (BPTT)");
    }

    @Test
    void corpusEpochsAllocateAlmostNothing() {
        Experiment2Settings s = Experiment2Settings.defaults(1).withMaxEpochs(MAX_EPOCHS)
                .withStop(2, 10_000, 0.01); // no plateau within these epochs
        Split split = Experiment2.split(s);
        ChordMelodySet blues = ChordMelodySet.blues(BluesDataset.generate(BluesForm.of(s.form())),
                split.training(), split.heldOut());
        Meter m = new Meter();
        CorpusExperiment.train(s, blues, Arithmetic.PLAIN, m);
        m.check("the paper network on a corpus");
    }
}
