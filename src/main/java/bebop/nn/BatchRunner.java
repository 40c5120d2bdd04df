package bebop.nn;

/**
 * Many independent runs of one network in one pass (inference only): a burst of compositions,
 * free runs with other primers or seeds. Each stream has its own state; all share one packed copy
 * of the weights ({@link PackedWeights}). Each stream computes exactly what an {@link LstmRunner}
 * computes: the same bits ({@code BatchRunnerTest}). Allocation-free per step.
 *
 * <p>On {@link Arithmetic#SIMD} the streams are computed in vector lanes ({@link BatchLanes}): a
 * stream per lane, so that the products are matrix times matrix and the squashing functions of
 * many streams overlap. On {@link Arithmetic#PLAIN} (and where the vectors have fewer than 4
 * lanes) each stream runs its own {@link ForwardState}, part by part for all streams before the
 * next part, so that the streams' independent chains of dependent operations overlap and the
 * weights are read while they are in the cache.
 *
 * <p>It reads the network's weights when it is made and at every {@link #reset()}.
 */
public final class BatchRunner {
    /** One of the two paths: {@link #lanes} or {@link #streams} (with {@link #packed}); the other null. */
    private final BatchLanes lanes;
    private final PackedWeights packed;
    private final ForwardState[] streams;
    private final int count;

    /** {@code streams} runs of {@code net}, each from the zero state. */
    public BatchRunner(LstmNetwork net, int streams) {
        if (streams < 1) {
            throw new IllegalArgumentException("a batch needs at least one stream, got " + streams);
        }
        this.count = streams;
        if (net.arithmetic.vectors() && BatchLanes.fits()) {
            this.lanes = new BatchLanes(net, streams);
            this.packed = null;
            this.streams = null;
            return;
        }
        this.lanes = null;
        this.packed = PackedWeights.of(net);
        this.streams = new ForwardState[streams];
        for (int b = 0; b < streams; b++) {
            this.streams[b] = new ForwardState(net, packed, false);
        }
        reset();
    }

    public int streams() {
        return count;
    }

    /** Zero every stream's state, and read the network's weights. */
    public void reset() {
        if (lanes != null) {
            lanes.reset();
            return;
        }
        packed.repack();
        for (ForwardState st : streams) {
            st.reset();
        }
    }

    /**
     * One step of every stream: {@code inputs[b]} (normalised, as {@link LstmRunner#step}) into
     * stream b; its outputs then in {@link #outputs(int)}.
     */
    public void step(double[][] inputs) {
        if (inputs.length != count) {
            throw new IllegalArgumentException("expected " + count + " input frames, got " + inputs.length);
        }
        if (lanes != null) {
            lanes.step(inputs);
            return;
        }
        final ForwardState[] sts = streams;
        final int n = sts.length;
        for (int b = 0; b < n; b++) {
            sts[b].begin(inputs[b]);
        }
        for (int g = 0; g < packed.gateGroups(); g++) {
            for (int b = 0; b < n; b++) {
                packed.gateNets(g, sts[b].u);
                sts[b].scatterGates(g, packed.gateNet[g]);
            }
        }
        for (int b = 0; b < n; b++) {
            sts[b].cells();
            sts[b].gatherOutputSources();
        }
        for (int q = 0; q < packed.outputGroups(); q++) {
            for (int b = 0; b < n; b++) {
                packed.outputNets(q, sts[b].outSources[q]);
                sts[b].scatterOutputs(q, packed.outputNet[q]);
            }
        }
        for (int b = 0; b < n; b++) {
            sts[b].finish();
        }
    }

    /** Stream b's outputs after the last step (a buffer the next step overwrites). */
    public double[] outputs(int b) {
        return lanes != null ? lanes.y[b] : streams[b].y;
    }
}
