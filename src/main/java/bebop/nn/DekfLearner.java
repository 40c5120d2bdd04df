package bebop.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Online learning with a decoupled extended Kalman filter (DEKF), as Pérez-Ortiz, Gers, Eck and
 * Schmidhuber (2003) train LSTM: the weights are the state the filter estimates, the outputs its
 * measurement, and the truncated RTRL/BPTT derivatives of {@link OnlineLearner} its linearisation.
 * One weight change per step. The weights fall into groups (decoupled: one per unit, that is each
 * input, forget and output gate, each cell input and each output unit, with their peepholes; or
 * one group of all weights, the global EKF), each with its error covariance P_g:
 * <pre>
 *   H_g = dy/dw_g                                    (weights x outputs, the truncated derivatives)
 *   A   = (R I + sum_g H_g^T P_g H_g)^-1            (outputs x outputs, by Cholesky)
 *   K_g = P_g H_g A
 *   w_g <- w_g + K_g (t - y)
 *   P_g <- P_g - K_g H_g^T P_g + Q I
 * </pre>
 * with R and Q annealed ({@link KalmanSettings}). The derivatives: for output unit k,
 * {@code dy_k/dw} is the truncated gradient of {@link OnlineLearner} with the output error
 * {@code y_k - t_k} replaced by {@code y_k (1 - y_k)} at unit k and 0 elsewhere; so
 * {@code sum_k (y_k - t_k) / (y_k (1 - y_k)) dy_k/dw} is exactly the gradient {@code sgd} follows
 * (a test checks it). With {@link KalmanSettings.Measurement#LOGIT} H holds {@code dnet_k/dw}
 * instead (the factor {@code y_k (1 - y_k)} left out). The forward pass and the eligibility traces are those of {@link OnlineLearner}
 * at learning rate 0 (row by row; its weight change undone), so both learners use the same derivatives.
 *
 * <p>P_g is kept symmetric by computing its upper triangle and mirroring it. Divergence guard:
 * when the innovation matrix is not positive definite or a weight change is not finite, the step
 * changes no weight; then, and when a diagonal of P goes non-positive, every P restarts at
 * {@code initialCovariance I} ({@link #covarianceResets()} counts the restarts).
 */
public final class DekfLearner implements StepLearner {
    private static final int KIND_INPUT_GATE = 0;
    private static final int KIND_FORGET_GATE = 1;
    private static final int KIND_OUTPUT_GATE = 2;
    private static final int KIND_CELL = 3;
    private static final int KIND_OUTPUT = 4;

    private final LstmNetwork net;
    private final KalmanSettings settings;
    /** Forward pass and traces: the momentum-SGD learner at learning rate 0, row by row. */
    private final OnlineLearner derivatives;
    private final ForwardState st;
    private final int outputs;
    private final double[] target;

    /** The groups: group g holds weights {@code groupStart[g]..groupStart[g+1])}. */
    private final int[] groupStart;
    private final int[] groupKind;
    /** Per group: its block (gates, cells), cell (cells) or output unit (outputs). */
    private final int[] groupUnit;
    /** Per group: the output units whose derivative can be nonzero, ascending. */
    private final int[][] groupColumns;
    /** Per weight (in group order): its parameter array and index there. */
    private final int[] weightParam;
    private final int[] weightIndex;
    /**
     * Where the aligned arrays' elements start ({@link Aligned}): the covariances, {@link #covLeft}
     * and {@link #mixed}, whose rows the vector kernels update, so that each vector of a row (rows
     * are whole vectors) is on one cache line when the JVM aligns objects to lines.
     */
    private static final int LEAD = Aligned.DOUBLE_LEAD;
    /** Per group: P_g, n x n row-major from {@link #LEAD}, each row {@link #covarianceStride} long (padding after n). */
    private final double[][] covariance;
    /**
     * Per group: its covariance's row length, n rounded up to whole vectors ({@link Arithmetic#SIMD},
     * decoupled filter) so that a row's updates run in vectors with no scalar tail; else n.
     */
    private final int[] covarianceStride;

    /*
     * Each unit's Jacobian has low rank: H_g = sum_r a_r b_r^T, with a_r over the group's weights
     * (a trace or a source vector) and b_r over the outputs (an error factor). Rank 1, except the
     * input and forget gates: one term per cell of the block. The decoupled filter works with
     * the factors (P_g a_r instead of P_g H_g: the work per step shrinks by outputs / rank); the
     * global filter with the dense H.
     */
    /**
     * Per group: the rank of its Jacobian, where its a_r start in {@link #left}, its b_r in {@link #right},
     * its P_g a_r in {@link #covLeft}.
     */
    private final int[] groupRank;
    private final int[] leftStart;
    private final int[] rightStart;
    private final int[] covLeftStart;
    /** The a_r of every group, each the group's size long. */
    private final double[] left;
    /** The b_r of every group, each {@code outputs} long. */
    private final double[] right;
    /** P_g a_r, each the group's covariance stride long; from {@link #LEAD}. */
    private final double[] covLeft;
    /** Per group: a_r^T P_g a_r' (rank x rank), then b_r^T A b_r'. */
    private final double[] small;
    /** Scratch: -sum_r (P_g a_r)[i] d_rr', rank vectors of the largest covariance stride; from {@link #LEAD}. */
    private final double[] mixed;
    /** Scratch: b_r . A (t - y), one per r. */
    private final double[] gainFactor;
    /** Scratch: A b_r over the group's output units, rank vectors {@code outputs} long. */
    private final double[] innovationRight;
    /** The weight change of this step, in group order. */
    private final double[] delta;
    /** Global filter only: H dense, weight-major {@code [w * outputs + k]}; P H; P H A (the gain). */
    private final double[] jacobian;
    private final double[] covJacobian;
    private final double[] gain;
    /** outputs x outputs: the innovation matrix, its Cholesky factor and its negation, its inverse A. */
    private final double[] innovation;
    private final double[] factor;
    private final double[] negatedFactor;
    private final double[] inverse;
    private final double[] error;
    private final double[] weighted;
    /** H = dnet/dw instead of dy/dw ({@link KalmanSettings.Measurement#LOGIT}, {@code BERNOULLI}). */
    private final boolean logit;
    /** Innovation and noise of each output divided by y (1 - y) ({@link KalmanSettings.Measurement#BERNOULLI}). */
    private final boolean bernoulli;
    /** Per output: y (1 - y), or 1 when the filter measures the net inputs. */
    private final double[] slope;
    /** outputs x cells: the output weight from each cell (0 where not connected). */
    private final double[] outputWeight;
    /** outputs x cells: dy_k/ds_c without the trace (the cell state's error factor for unit k). */
    private final double[] cellFactor;
    /** outputs x blocks: dy_k/dnet of block j's output gate. */
    private final double[] outGateFactor;
    /** The weights before the derivatives' step, restored after it. */
    private final double[][] saved;
    /** The sums of scaled rows through {@link KalmanVectors} ({@link Arithmetic#SIMD}): the same bits. */
    private final boolean simd;
    private long steps;
    private long covarianceResets;

    public DekfLearner(LstmNetwork net, KalmanSettings settings) {
        this.net = net;
        this.settings = settings;
        this.simd = net.arithmetic.vectors();
        this.logit = settings.measurement() != KalmanSettings.Measurement.OUTPUT;
        this.bernoulli = settings.measurement() == KalmanSettings.Measurement.BERNOULLI;
        this.derivatives = new OnlineLearner(net, 0, 0, false);
        this.st = derivatives.st;
        this.outputs = net.outputs;
        this.target = new double[outputs];
        saved = new double[net.params.length][];
        for (int p = 0; p < saved.length; p++) {
            saved[p] = new double[net.params[p].length];
        }
        List<int[]> weights = new ArrayList<>();
        List<int[]> groups = new ArrayList<>(); // {kind, unit, first weight}
        int sc = net.cellsPerBlock;
        for (int j = 0; j < net.blocks; j++) {
            int n = net.sources[j];
            int go = net.gateOffset[j];
            int[] gateArrays = {LstmNetwork.P_IN, LstmNetwork.P_FORGET, LstmNetwork.P_OUTGATE};
            int[] peepArrays = {LstmNetwork.P_PEEP_IN, LstmNetwork.P_PEEP_FORGET, LstmNetwork.P_PEEP_OUT};
            for (int kind = KIND_INPUT_GATE; kind <= KIND_OUTPUT_GATE; kind++) {
                groups.add(new int[] {kind, j, weights.size()});
                for (int m = 0; m < n; m++) {
                    weights.add(new int[] {gateArrays[kind], go + m});
                }
                if (net.peepholes) {
                    for (int v = 0; v < sc; v++) {
                        weights.add(new int[] {peepArrays[kind], j * sc + v});
                    }
                }
            }
            for (int v = 0; v < sc; v++) {
                groups.add(new int[] {KIND_CELL, j * sc + v, weights.size()});
                for (int m = 0; m < n; m++) {
                    weights.add(new int[] {LstmNetwork.P_CELL, net.cellOffset[j] + v * n + m});
                }
            }
        }
        for (int k = 0; k < outputs; k++) {
            groups.add(new int[] {KIND_OUTPUT, k, weights.size()});
            int length = net.outputCells[k].length + net.outputInputs[k].length + 1;
            for (int i = 0; i < length; i++) {
                weights.add(new int[] {LstmNetwork.P_OUTPUT, net.outputOffset[k] + i});
            }
        }
        int count = groups.size();
        groupStart = new int[count + 1];
        groupKind = new int[count];
        groupUnit = new int[count];
        groupColumns = new int[count][];
        for (int g = 0; g < count; g++) {
            groupKind[g] = groups.get(g)[0];
            groupUnit[g] = groups.get(g)[1];
            groupStart[g] = groups.get(g)[2];
            groupColumns[g] = columns(groupKind[g], groupUnit[g]);
        }
        groupStart[count] = weights.size();
        weightParam = new int[weights.size()];
        weightIndex = new int[weights.size()];
        for (int w = 0; w < weights.size(); w++) {
            weightParam[w] = weights.get(w)[0];
            weightIndex[w] = weights.get(w)[1];
        }
        int filterGroups = settings.decoupled() ? count : 1;
        int pad = simd && settings.decoupled() ? KalmanVectors.lanes() : 1;
        covariance = new double[filterGroups][];
        covarianceStride = new int[filterGroups];
        for (int f = 0; f < filterGroups; f++) {
            int n = settings.decoupled() ? groupStart[f + 1] - groupStart[f] : weights.size();
            covarianceStride[f] = (n + pad - 1) / pad * pad;
            covariance[f] = Aligned.doubles(n * covarianceStride[f]);
        }
        resetCovariance();
        groupRank = new int[count];
        leftStart = new int[count + 1];
        rightStart = new int[count + 1];
        covLeftStart = new int[count + 1];
        int largestStride = 0;
        int largestRank = 1;
        for (int g = 0; g < count; g++) {
            int n = groupStart[g + 1] - groupStart[g];
            int stride = settings.decoupled() ? covarianceStride[g] : n;
            boolean gate = groupKind[g] == KIND_INPUT_GATE || groupKind[g] == KIND_FORGET_GATE;
            groupRank[g] = gate ? sc : 1;
            leftStart[g + 1] = leftStart[g] + groupRank[g] * n;
            rightStart[g + 1] = rightStart[g] + groupRank[g] * outputs;
            covLeftStart[g + 1] = covLeftStart[g] + groupRank[g] * stride;
            largestStride = Math.max(largestStride, stride);
            largestRank = Math.max(largestRank, groupRank[g]);
        }
        left = new double[leftStart[count]];
        right = new double[rightStart[count]];
        covLeft = Aligned.doubles(covLeftStart[count]);
        small = new double[largestRank * largestRank];
        mixed = Aligned.doubles(largestRank * largestStride);
        gainFactor = new double[largestRank];
        innovationRight = new double[largestRank * outputs];
        delta = new double[weights.size()];
        int dense = settings.decoupled() ? 0 : weights.size() * outputs;
        jacobian = new double[dense];
        covJacobian = new double[dense];
        gain = new double[dense];
        innovation = new double[outputs * outputs];
        factor = new double[outputs * outputs];
        negatedFactor = new double[outputs * outputs];
        inverse = new double[outputs * outputs];
        error = new double[outputs];
        weighted = new double[outputs];
        slope = new double[outputs];
        outputWeight = new double[outputs * net.cells];
        cellFactor = new double[outputs * net.cells];
        outGateFactor = new double[outputs * net.blocks];
    }

    /** The output units a group's weights reach: its own (output units), else those its block's cells feed. */
    private int[] columns(int kind, int unit) {
        if (kind == KIND_OUTPUT) {
            return new int[] {unit};
        }
        int block = kind == KIND_CELL ? unit / net.cellsPerBlock : unit;
        int c0 = block * net.cellsPerBlock;
        List<Integer> reached = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            for (int c : net.outputCells[k]) {
                boolean ofThisUnit = kind == KIND_CELL ? c == unit : c >= c0 && c < c0 + net.cellsPerBlock;
                if (ofThisUnit) {
                    reached.add(k);
                    break;
                }
            }
        }
        return reached.stream().mapToInt(Integer::intValue).toArray();
    }

    public KalmanSettings settings() {
        return settings;
    }

    /** How often the divergence guard restarted the covariances. */
    public long covarianceResets() {
        return covarianceResets;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void reset() {
        derivatives.reset();
    }

    @Override
    public double lastLoss() {
        return derivatives.lastLoss();
    }

    @Override
    public double[] step(double[] input, double[] target) {
        for (int p = 0; p < saved.length; p++) {
            System.arraycopy(net.params[p], 0, saved[p], 0, saved[p].length);
        }
        double[] y = derivatives.step(input, target); // forward and traces
        for (int p = 0; p < saved.length; p++) { // its change at rate 0 (+-0, or NaN from non-finite derivatives) undone
            System.arraycopy(saved[p], 0, net.params[p], 0, saved[p].length);
        }
        System.arraycopy(target, 0, this.target, 0, outputs);
        factors();
        factorise();
        update();
        steps++;
        return y;
    }

    /** Per output unit: y'(net), the output weights by cell, the cell and output gate error factors. */
    private void factors() {
        final int cells = net.cells;
        final int sc = net.cellsPerBlock;
        final double[] w = net.params[LstmNetwork.P_OUTPUT];
        Arrays.fill(outputWeight, 0);
        for (int k = 0; k < outputs; k++) {
            slope[k] = logit ? 1 : st.y[k] * (1 - st.y[k]);
            int[] fed = net.outputCells[k];
            for (int i = 0; i < fed.length; i++) {
                outputWeight[k * cells + fed[i]] = w[net.outputOffset[k] + i];
            }
        }
        for (int k = 0; k < outputs; k++) {
            for (int c = 0; c < cells; c++) {
                double yo = st.yOut[c / sc];
                cellFactor[k * cells + c] = slope[k] * outputWeight[k * cells + c] * yo
                        * net.hSlope(st.hs[c]);
            }
            for (int j = 0; j < net.blocks; j++) {
                double sum = 0;
                for (int v = 0; v < sc; v++) {
                    int c = j * sc + v;
                    sum += outputWeight[k * cells + c] * st.hs[c];
                }
                double yo = st.yOut[j];
                outGateFactor[k * net.blocks + j] = slope[k] * yo * (1 - yo) * sum;
            }
        }
    }

    /** The factors a_r, b_r of every group's Jacobian, from the traces and sources of this step. */
    private void factorise() {
        final int sc = net.cellsPerBlock;
        final int cells = net.cells;
        final int K = outputs;
        for (int g = 0; g < groupKind.length; g++) {
            final int unit = groupUnit[g];
            final int size = groupStart[g + 1] - groupStart[g];
            final int ls = leftStart[g];
            final int rs = rightStart[g];
            switch (groupKind[g]) {
                case KIND_INPUT_GATE, KIND_FORGET_GATE -> {
                    boolean in = groupKind[g] == KIND_INPUT_GATE;
                    double[] trace = in ? derivatives.dIn : derivatives.dForget;
                    double[] peepTrace = in ? derivatives.dInPeep : derivatives.dForgetPeep;
                    int n = net.sources[unit];
                    int co = net.cellOffset[unit];
                    int c0 = unit * sc;
                    for (int v = 0; v < sc; v++) {
                        System.arraycopy(trace, co + v * n, left, ls + v * size, n);
                        if (net.peepholes) {
                            System.arraycopy(peepTrace, (c0 + v) * sc, left, ls + v * size + n, sc);
                        }
                        for (int k = 0; k < K; k++) {
                            right[rs + v * K + k] = cellFactor[k * cells + c0 + v];
                        }
                    }
                }
                case KIND_OUTPUT_GATE -> {
                    int n = net.sources[unit];
                    System.arraycopy(st.u, st.sourceOffset[unit], left, ls, n);
                    if (net.peepholes) {
                        System.arraycopy(st.s, unit * sc, left, ls + n, sc);
                    }
                    for (int k = 0; k < K; k++) {
                        right[rs + k] = outGateFactor[k * net.blocks + unit];
                    }
                }
                case KIND_CELL -> {
                    int block = unit / sc;
                    int n = net.sources[block];
                    System.arraycopy(derivatives.dCell, net.cellOffset[block] + (unit - block * sc) * n, left, ls, n);
                    for (int k = 0; k < K; k++) {
                        right[rs + k] = cellFactor[k * cells + unit];
                    }
                }
                default -> {
                    System.arraycopy(st.outputSources[unit], 0, left, ls, size);
                    Arrays.fill(right, rs, rs + K, 0);
                    right[rs + unit] = slope[unit];
                }
            }
        }
    }

    /** Group g's Jacobian, dense, into {@code h} (weight-major, {@code [w * outputs + k]}, w counted from the group's first). */
    private void denseJacobian(int g, double[] h, int offset) {
        final int K = outputs;
        final int size = groupStart[g + 1] - groupStart[g];
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < K; k++) {
                double sum = 0;
                for (int r = 0; r < groupRank[g]; r++) {
                    sum += left[leftStart[g] + r * size + i] * right[rightStart[g] + r * K + k];
                }
                h[offset + i * K + k] = sum;
            }
        }
    }

    /** The filter's step: innovation matrix, gains, weights and covariances. */
    private void update() {
        final int K = outputs;
        final boolean decoupled = settings.decoupled();
        Arrays.fill(innovation, 0);
        final double r = settings.measurementNoise(steps);
        for (int k = 0; k < K; k++) {
            double weight = bernoulli ? bernoulliWeight(st.y[k]) : 1;
            innovation[k * K + k] = r / weight;
            error[k] = (target[k] - st.y[k]) / weight;
        }
        if (decoupled) {
            for (int g = 0; g < groupKind.length; g++) {
                lowRankInnovation(g);
            }
        } else {
            for (int g = 0; g < groupKind.length; g++) {
                denseJacobian(g, jacobian, groupStart[g] * K);
            }
            covarianceTimesJacobian(0);
        }
        for (int k1 = 0; k1 < K; k1++) {
            for (int k2 = 0; k2 < k1; k2++) {
                innovation[k2 * K + k1] = innovation[k1 * K + k2];
            }
        }
        if (!cholesky(innovation, factor, K)) {
            restartCovariance();
            return;
        }
        for (int i = 0; i < K * K; i++) {
            negatedFactor[i] = -factor[i];
        }
        invert(negatedFactor, factor, inverse, K);
        for (int k1 = 0; k1 < K; k1++) {
            double sum = 0;
            for (int k2 = 0; k2 < K; k2++) {
                sum += inverse[k1 * K + k2] * error[k2];
            }
            weighted[k1] = sum;
        }
        if (decoupled) {
            for (int g = 0; g < groupKind.length; g++) {
                lowRankDelta(g);
            }
        } else {
            for (int w = 0; w < delta.length; w++) {
                double dw = 0;
                for (int k = 0; k < K; k++) {
                    dw += covJacobian[w * K + k] * weighted[k];
                }
                delta[w] = dw;
            }
        }
        for (double dw : delta) {
            if (!Double.isFinite(dw)) {
                restartCovariance();
                return;
            }
        }
        for (int w = 0; w < delta.length; w++) {
            net.params[weightParam[w]][weightIndex[w]] += delta[w];
        }
        net.version++;
        final double q = settings.processNoise(steps);
        for (int f = 0; f < covariance.length; f++) {
            if (!(decoupled ? lowRankCovariance(f, q) : updateCovariance(f, q))) {
                restartCovariance();
                return;
            }
        }
    }

    /** y (1 - y), kept from 0 so that an output at exactly 0 or 1 still has finite noise. */
    static double bernoulliWeight(double y) {
        return Math.max(y * (1 - y), 1e-12);
    }

    /** Group g: P_g a_r, a_r^T P_g a_r', and H_g^T P_g H_g added to the innovation matrix (lower triangle). */
    private void lowRankInnovation(int g) {
        final int K = outputs;
        final int n = groupStart[g + 1] - groupStart[g];
        final int rank = groupRank[g];
        final int stride = covarianceStride[g];
        final int ls = leftStart[g];
        final int rs = rightStart[g];
        final int cs = LEAD + covLeftStart[g];
        Arrays.fill(covLeft, cs, cs + rank * stride, 0);
        for (int r = 0; r < rank; r++) { // P a_r as a sum of P's rows (P is symmetric)
            addProducts(covLeft, cs + r * stride, covariance[g], LEAD, stride, left, ls + r * n, 1, n, stride);
        }
        for (int r = 0; r < rank; r++) {
            for (int r2 = 0; r2 < rank; r2++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += left[ls + r * n + i] * covLeft[cs + r2 * stride + i];
                }
                small[r * rank + r2] = sum;
            }
        }
        final int lo = columnsFrom(g);
        final int hi = columnsTo(g);
        for (int r = 0; r < rank; r++) {
            for (int r2 = 0; r2 < rank; r2++) {
                final double s = small[r * rank + r2];
                final int b2 = rs + r2 * K;
                for (int k1 = lo; k1 < hi; k1++) {
                    final double c = right[rs + r * K + k1] * s;
                    final int a = k1 * K;
                    for (int k2 = lo; k2 <= k1; k2++) {
                        innovation[a + k2] += c * right[b2 + k2];
                    }
                }
            }
        }
    }

    /** Group g's weight change: {@code P_g H_g A (t - y) = sum_r (P_g a_r) (b_r . A (t - y))}. */
    private void lowRankDelta(int g) {
        final int K = outputs;
        final int n = groupStart[g + 1] - groupStart[g];
        final int first = groupStart[g];
        final int rank = groupRank[g];
        for (int r = 0; r < rank; r++) {
            double c = 0;
            for (int k = 0; k < K; k++) {
                c += right[rightStart[g] + r * K + k] * weighted[k];
            }
            gainFactor[r] = c;
        }
        Arrays.fill(delta, first, first + n, 0);
        addProducts(delta, first, covLeft, LEAD + covLeftStart[g], covarianceStride[g], gainFactor, 0, 1, rank, n);
    }

    /**
     * Group g's covariance: {@code P_g - P_g H_g A H_g^T P_g + Q I}, that is P_g minus
     * {@code sum_rr' (P_g a_r) (b_r^T A b_r') (P_g a_r')^T}; false when a diagonal goes non-positive or non-finite.
     */
    private boolean lowRankCovariance(int g, double q) {
        final int K = outputs;
        final int n = groupStart[g + 1] - groupStart[g];
        final int rank = groupRank[g];
        final int stride = covarianceStride[g];
        final int cs = LEAD + covLeftStart[g];
        final int rs = rightStart[g];
        final int lo = columnsFrom(g);
        final int hi = columnsTo(g);
        for (int r2 = 0; r2 < rank; r2++) { // A b_r', once for every r
            for (int k1 = lo; k1 < hi; k1++) {
                double row = 0;
                for (int k2 = lo; k2 < hi; k2++) {
                    row += inverse[k1 * K + k2] * right[rs + r2 * K + k2];
                }
                innovationRight[r2 * K + k1] = row;
            }
        }
        for (int r = 0; r < rank; r++) {
            for (int r2 = 0; r2 < rank; r2++) {
                double sum = 0;
                for (int k1 = lo; k1 < hi; k1++) {
                    sum += right[rs + r * K + k1] * innovationRight[r2 * K + k1];
                }
                small[r * rank + r2] = sum;
            }
        }
        for (int r2 = 0; r2 < rank; r2++) {
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int r = 0; r < rank; r++) {
                    sum += covLeft[cs + r * stride + i] * small[r * rank + r2];
                }
                mixed[LEAD + r2 * stride + i] = -sum;
            }
        }
        final double[] p = covariance[g];
        /*
         * Each row whole: from the diagonal on, P[i][l] -= mixed[i] (P a)[l]; before it, the mirror of
         * row l's upper triangle, P[l][i] -= mixed[l] (P a)[i], computed in row i (P is symmetric, bit
         * for bit, and x y = y x): the bits of the upper triangle mirrored, with no strided stores.
         */
        symmetricUpdate(p, LEAD, n, stride, covLeft, cs, mixed, LEAD, rank);
        for (int i = 0; i < n; i++) { // after a failure every P restarts: the rows after it need not wait
            final int diagonal = LEAD + i * stride + i;
            double d = p[diagonal] + q;
            if (!(d > 0) || Double.isInfinite(d)) {
                return false;
            }
            p[diagonal] = d;
        }
        return true;
    }

    /** Weights {@code first..first+n)} of filter group f: all weights for the global filter. */
    private int filterFirst(int f) {
        return settings.decoupled() ? groupStart[f] : 0;
    }

    private int filterSize(int f) {
        return settings.decoupled() ? groupStart[f + 1] - groupStart[f] : weightParam.length;
    }

    /**
     * The first output unit filter group f reaches, and one past the last (all units for the
     * global filter). Units in between that it does not reach have derivative 0 and add nothing;
     * a range keeps the inner loops plain, so that the JIT vectorises them.
     */
    private int columnsFrom(int f) {
        int[] cols = settings.decoupled() ? groupColumns[f] : null;
        return cols == null || cols.length == 0 ? 0 : cols[0];
    }

    private int columnsTo(int f) {
        int[] cols = settings.decoupled() ? groupColumns[f] : null;
        return cols == null ? outputs : cols.length == 0 ? 0 : cols[cols.length - 1] + 1;
    }

    /** P_f H_f into {@link #covJacobian}, and H_f^T P_f H_f added to the innovation matrix (lower triangle). */
    private void covarianceTimesJacobian(int f) {
        final int K = outputs;
        final int first = filterFirst(f);
        final int n = filterSize(f);
        final int lo = columnsFrom(f);
        final int hi = columnsTo(f);
        final double[] p = covariance[f];
        final double[] h = jacobian;
        final double[] m = covJacobian;
        for (int i = 0; i < n; i++) {
            final int row = (first + i) * K;
            for (int k = lo; k < hi; k++) {
                m[row + k] = 0;
            }
            for (int l = 0; l < n; l++) {
                final double pil = p[LEAD + i * n + l];
                final int hl = (first + l) * K;
                for (int k = lo; k < hi; k++) {
                    m[row + k] += pil * h[hl + k];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            final int row = (first + i) * K;
            for (int k1 = lo; k1 < hi; k1++) {
                final double h1 = h[row + k1];
                final int a = k1 * K;
                for (int k2 = lo; k2 <= k1; k2++) {
                    innovation[a + k2] += h1 * m[row + k2];
                }
            }
        }
    }

    /** The gain of filter group f and its covariance update; false when a diagonal goes non-positive or non-finite. */
    private boolean updateCovariance(int f, double q) {
        final int K = outputs;
        final int first = filterFirst(f);
        final int n = filterSize(f);
        final int lo = columnsFrom(f);
        final int hi = columnsTo(f);
        final double[] p = covariance[f];
        final double[] m = covJacobian;
        for (int i = 0; i < n; i++) {
            final int row = (first + i) * K;
            for (int k = lo; k < hi; k++) {
                gain[row + k] = 0;
            }
            for (int k2 = lo; k2 < hi; k2++) {
                final double mk2 = m[row + k2];
                final int a = k2 * K;
                for (int k = lo; k < hi; k++) {
                    gain[row + k] += mk2 * inverse[a + k];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            final int gi = (first + i) * K;
            for (int l = i; l < n; l++) {
                final int ml = (first + l) * K;
                double sum = 0;
                for (int k = lo; k < hi; k++) {
                    sum += gain[gi + k] * m[ml + k];
                }
                double v = p[LEAD + i * n + l] - sum;
                p[LEAD + i * n + l] = v;
                p[LEAD + l * n + i] = v;
            }
            double d = p[LEAD + i * n + i] + q;
            if (!(d > 0) || Double.isInfinite(d)) {
                return false;
            }
            p[LEAD + i * n + i] = d;
        }
        return true;
    }

    private void restartCovariance() {
        covarianceResets++;
        resetCovariance();
    }

    private void resetCovariance() {
        for (int f = 0; f < covariance.length; f++) {
            double[] p = covariance[f];
            Arrays.fill(p, 0);
            int stride = covarianceStride[f];
            for (int i = 0; i < filterSize(f); i++) {
                p[LEAD + i * stride + i] = settings.initialCovariance();
            }
        }
    }

    /** Lower-triangular L with L L^T = a (n x n, row-major); false when a is not positive definite. */
    static boolean cholesky(double[] a, double[] l, int n) {
        Arrays.fill(l, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(sum > 0) || Double.isInfinite(sum)) {
                        return false;
                    }
                    l[i * n + i] = Math.sqrt(sum);
                } else {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        return true;
    }

    /**
     * (L L^T)^-1 from the Cholesky factor L (and -L): forward then back substitution, every column at
     * once, a row at a time. Each element gets the operations of its column's substitution in their
     * order: {@code sum -= l x} is {@code sum + x (-l)} to the bit (IEEE subtraction adds the negated
     * operand, and negation is exact).
     */
    private void invert(double[] negL, double[] l, double[] inv, int n) {
        Arrays.fill(inv, 0, n * n, 0);
        for (int i = 0; i < n; i++) {
            inv[i * n + i] = 1;
            addProducts(inv, i * n, inv, 0, n, negL, i * n, 1, i, n);
            divide(inv, i * n, l[i * n + i], n);
        }
        for (int i = n - 1; i >= 0; i--) {
            addProducts(inv, i * n, inv, (i + 1) * n, n, negL, (i + 1) * n + i, n, n - 1 - i, n);
            divide(inv, i * n, l[i * n + i], n);
        }
    }

    private static void divide(double[] y, int yo, double d, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] /= d;
        }
    }

    /** {@code y[yo + c] += x[xo + k xs + c] * s[so + k ss]} for {@code c < n}, over {@code k < count} in order. */
    private void addProducts(double[] y, int yo, double[] x, int xo, int xs, double[] s, int so, int ss, int count,
                             int n) {
        if (simd) {
            KalmanVectors.addProducts(y, yo, x, xo, xs, s, so, ss, count, n);
            return;
        }
        for (int k = 0; k < count; k++) {
            final double sk = s[so + k * ss];
            final int o = xo + k * xs;
            for (int c = 0; c < n; c++) {
                y[yo + c] += x[o + c] * sk;
            }
        }
    }

    /**
     * P's low-rank update, row by row: {@code p[po + i stride + l] += a_k[l] b_k[i]} from the diagonal on,
     * {@code b_k[l] a_k[i]} before it, over {@code k < count} in order, with {@code a_k = a[ao + k stride..]},
     * {@code b_k = b[bo + k stride..]}; rows {@code i < n}, {@code l < stride}.
     */
    private void symmetricUpdate(double[] p, int po, int n, int stride, double[] a, int ao, double[] b, int bo,
                                 int count) {
        if (simd) {
            KalmanVectors.symmetricUpdate(p, po, n, stride, a, ao, b, bo, count);
            return;
        }
        for (int k = 0; k < count; k++) {
            final int ak = ao + k * stride;
            final int bk = bo + k * stride;
            for (int i = 0; i < n; i++) {
                final int row = po + i * stride;
                final double ai = a[ak + i];
                final double bi = b[bk + i];
                for (int l = 0; l < i; l++) {
                    p[row + l] += b[bk + l] * ai;
                }
                for (int l = i; l < stride; l++) {
                    p[row + l] += a[ak + l] * bi;
                }
            }
        }
    }

    /* For tests: the filter's view of the weights, in group order. */

    /** The sizes of the units' groups (whatever the filter's grouping), in the order of {@link #jacobian()}. */
    int[] groupSizes() {
        int[] sizes = new int[groupKind.length];
        for (int g = 0; g < sizes.length; g++) {
            sizes[g] = groupStart[g + 1] - groupStart[g];
        }
        return sizes;
    }

    /** The last step's dy/dw (or dnet/dw), weight-major in group order: {@code [w * outputs + k]}. */
    double[] jacobian() {
        double[] h = new double[weightParam.length * outputs];
        for (int g = 0; g < groupKind.length; g++) {
            denseJacobian(g, h, groupStart[g] * outputs);
        }
        return h;
    }

    /** The weights in group order. */
    double[] weights() {
        net.sync();
        double[] w = new double[weightParam.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = net.params[weightParam[i]][weightIndex[i]];
        }
        return w;
    }

    /** Parameter name and index of each weight in group order. */
    String weightName(int w) {
        return LstmNetwork.NAMES[weightParam[w]] + "[" + weightIndex[w] + "]";
    }

    int weightParam(int w) {
        return weightParam[w];
    }

    int weightIndex(int w) {
        return weightIndex[w];
    }
}
