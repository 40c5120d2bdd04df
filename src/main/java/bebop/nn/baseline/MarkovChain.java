package bebop.nn.baseline;

import bebop.nn.SequenceModel;
import java.util.Arrays;
import java.util.List;

/**
 * An order-k Markov chain over whole frames, the transition-table baseline of the paper's
 * comparison (Mozer's CONCERT was measured against 3rd-order tables): a frame is the set of its
 * on units (a value above 0.5), the state is the last {@code k} frames, and the chain predicts a
 * distribution over whole next frames. {@link #step} returns each unit's probability of being on
 * in the next frame, the frame distribution's marginal: {@code P(u on) = sum_f P(f) [u in f]}.
 * Chord units therefore follow the frame distribution (thresholding them at 0.5 keeps the chord
 * that most of the probability mass agrees on), and the melody units sum to one whenever every
 * training frame has exactly one melody unit on (the paper's data), up to the smoothing floor.
 *
 * <h2>Training</h2>
 * By counting. Each training sequence is a separate piece: the history is empty at its first frame
 * and grows to {@code k} frames; for every transition {@code x_t -> x_{t+1}} (t = 0 .. n-2) the
 * next frame is counted after every context of order {@code j = 0 .. min(k, t+1)} (the last j
 * frames). No transition from the end of one piece to the start of another is counted: to learn
 * the wrap from one chorus to the next, pass the choruses concatenated as one piece (the paper's
 * training stream). Counting is exact integer arithmetic, and everything is deterministic (no
 * randomness at all).
 *
 * <h2>Smoothing</h2>
 * Interpolated Witten-Bell, ending in a unit-wise add-alpha model:
 * <pre>
 *   P_base(f)   = prod_u q_u^[u in f] (1 - q_u)^[u not in f],   q_u = (n_u + alpha) / (N + 2 alpha)
 *   P_j(f | h_j) = (c(h_j, f) + T(h_j) P_{j-1}(f | h_{j-1})) / (c(h_j) + T(h_j)),   j = 0 .. J
 * </pre>
 * with {@code P_{-1} = P_base}; {@code n_u} = the number of counted next frames with unit u on,
 * {@code N} = the number of transitions, {@code c(h, f)} the count of f after context h (order j),
 * {@code c(h)} its total and {@code T(h)} the number of distinct frames seen after it. {@code J} is
 * the longest order whose context was seen in training (at most k, and at most the number of frames
 * read since {@link #reset}); contexts containing a frame never seen in training are unseen. The
 * per-unit probabilities follow by linearity, so the 2^units frames of the base model are never
 * enumerated: {@code p_base,u = q_u}, then {@code p_j,u = (sum_f c(h_j, f) [u in f] + T(h_j)
 * p_{j-1,u}) / (c(h_j) + T(h_j))}. With {@code alpha > 0} every probability is strictly inside
 * (0, 1), so cross-entropies stay finite on novel frames.
 *
 * <h2>Storage</h2>
 * Frames are bit masks in a {@code long} (up to 63 units), numbered in order of first appearance.
 * Contexts form a suffix trie: the order-j context is the order-(j-1) context (the j-1 most recent
 * frames) extended by one older frame, keyed by {@code (parent id << 32) | frame id} in one
 * open-addressing long-to-int map. The followers of each context are stored in compressed rows
 * (frame ids and counts). {@link #step} allocates nothing.
 *
 * <p>A chain holds its own history (the state of {@link SequenceModel}); {@link #copy()} shares the
 * counts with a fresh history.
 */
public final class MarkovChain implements SequenceModel {
    /** The default add-alpha of the unit-wise base model (Jeffreys / Krichevsky-Trofimov). */
    public static final double DEFAULT_ALPHA = 0.5;

    private final int units;
    private final int order;
    private final double alpha;
    // Frames: bit masks by id, and the reverse map.
    private final long[] frameBits;
    private final LongIntMap frameIds;
    // Context trie: child key (parent << 32 | frame id) -> node id; node 0 is the empty context.
    private final LongIntMap children;
    private final int contexts;
    // Per node: total count, distinct followers, and its row of followers.
    private final long[] total;
    private final int[] distinct;
    private final int[] rowStart;
    private final int[] followFrame;
    private final long[] followCount;
    // The unit-wise base model.
    private final double[] base;
    private final long transitions;

    // State and buffers (per instance).
    private final int[] history;
    private int seen;
    private final int[] path;
    private int depth;
    private final double[] acc;
    private final double[] out;

    private MarkovChain(MarkovChain shared) {
        this.units = shared.units;
        this.order = shared.order;
        this.alpha = shared.alpha;
        this.frameBits = shared.frameBits;
        this.frameIds = shared.frameIds;
        this.children = shared.children;
        this.contexts = shared.contexts;
        this.total = shared.total;
        this.distinct = shared.distinct;
        this.rowStart = shared.rowStart;
        this.followFrame = shared.followFrame;
        this.followCount = shared.followCount;
        this.base = shared.base;
        this.transitions = shared.transitions;
        this.history = new int[Math.max(1, order)];
        this.path = new int[order + 1];
        this.acc = new double[units];
        this.out = new double[units];
    }

    private MarkovChain(int units, int order, double alpha, Counter counter) {
        this.units = units;
        this.order = order;
        this.alpha = alpha;
        this.frameBits = Arrays.copyOf(counter.frameBits, counter.frames);
        this.frameIds = counter.frameIds;
        this.children = counter.children;
        this.contexts = counter.nodes;
        this.transitions = counter.transitions;
        // Compressed rows: followers of each node in order of first appearance.
        total = new long[contexts];
        distinct = new int[contexts];
        for (int e = 0; e < counter.entries; e++) {
            int node = counter.entryNode[e];
            total[node] += counter.entryCount[e];
            distinct[node]++;
        }
        rowStart = new int[contexts + 1];
        for (int n = 0; n < contexts; n++) {
            rowStart[n + 1] = rowStart[n] + distinct[n];
        }
        followFrame = new int[counter.entries];
        followCount = new long[counter.entries];
        int[] fill = Arrays.copyOf(rowStart, contexts);
        for (int e = 0; e < counter.entries; e++) {
            int i = fill[counter.entryNode[e]]++;
            followFrame[i] = counter.entryFrame[e];
            followCount[i] = counter.entryCount[e];
        }
        base = new double[units];
        for (int u = 0; u < units; u++) {
            base[u] = (counter.unitCounts[u] + alpha) / (transitions + 2 * alpha);
        }
        this.history = new int[Math.max(1, order)];
        this.path = new int[order + 1];
        this.acc = new double[units];
        this.out = new double[units];
    }

    /**
     * Counts an order-{@code order} chain on {@code pieces} (each a sequence of frames of equal
     * width, each a separate piece: see the class comment), with the unit-wise base model's
     * add-{@code alpha}.
     *
     * @param order  the number of past frames in the state, at least 0 (0: one distribution for
     *               every step)
     * @param alpha  add-alpha of the unit-wise base model, {@code > 0}
     */
    public static MarkovChain train(List<double[][]> pieces, int order, double alpha) {
        if (order < 0) {
            throw new IllegalArgumentException("Markov order must be >= 0, got " + order);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
        int units = -1;
        for (double[][] piece : pieces) {
            for (double[] f : piece) {
                if (units < 0) {
                    units = f.length;
                } else if (f.length != units) {
                    throw new IllegalArgumentException("frames differ in width: " + units + " and " + f.length);
                }
            }
        }
        if (units < 1) {
            throw new IllegalArgumentException("no training frames");
        }
        if (units > 63) {
            throw new IllegalArgumentException("Markov chains here take at most 63 units, got " + units);
        }
        Counter counter = new Counter(units);
        int[] ids = new int[0];
        for (double[][] piece : pieces) {
            if (ids.length < piece.length) {
                ids = new int[piece.length];
            }
            for (int t = 0; t < piece.length; t++) {
                ids[t] = counter.frameId(bits(piece[t]));
            }
            for (int t = 0; t + 1 < piece.length; t++) {
                int next = ids[t + 1];
                counter.countTransition(next);
                int node = 0;
                counter.count(node, next);
                int maxOrder = Math.min(order, t + 1);
                for (int j = 1; j <= maxOrder; j++) {
                    node = counter.child(node, ids[t - j + 1]);
                    counter.count(node, next);
                }
            }
        }
        if (counter.transitions == 0) {
            throw new IllegalArgumentException("no transitions to count: every piece has fewer than 2 frames");
        }
        return new MarkovChain(units, order, alpha, counter);
    }

    /** {@link #train(List, int, double)} with {@link #DEFAULT_ALPHA}. */
    public static MarkovChain train(List<double[][]> pieces, int order) {
        return train(pieces, order, DEFAULT_ALPHA);
    }

    /** The same counts with a fresh (empty) history: for a second independent run. */
    public MarkovChain copy() {
        return new MarkovChain(this);
    }

    @Override
    public int units() {
        return units;
    }

    public int order() {
        return order;
    }

    public double alpha() {
        return alpha;
    }

    /** Distinct frames seen in training. */
    public int vocabularySize() {
        return frameBits.length;
    }

    /** Distinct contexts of all orders 0..k seen in training (the empty context included). */
    public int contexts() {
        return contexts;
    }

    /** Transitions counted. */
    public long transitions() {
        return transitions;
    }

    @Override
    public void reset() {
        seen = 0;
        depth = 0;
        path[0] = 0;
    }

    @Override
    public double[] step(double[] frame) {
        if (frame.length != units) {
            throw new IllegalArgumentException("frame has " + frame.length + " units, chain " + units);
        }
        if (order > 0) {
            int id = frameIds.get(bits(frame));
            history[seen % order] = id;
        }
        seen++;
        // The longest seen context: walk the trie from the empty context backwards in time.
        depth = 0;
        path[0] = 0;
        int maxOrder = Math.min(order, seen);
        for (int j = 1; j <= maxOrder; j++) {
            int f = history[(seen - j) % order];
            if (f < 0) {
                break;
            }
            int child = children.get(childKey(path[j - 1], f));
            if (child == LongIntMap.MISSING) {
                break;
            }
            path[j] = child;
            depth = j;
        }
        System.arraycopy(base, 0, out, 0, units);
        for (int j = 0; j <= depth; j++) {
            interpolate(path[j]);
        }
        return out;
    }

    /**
     * The smoothed probability that the next frame is exactly {@code frame} (on = above 0.5),
     * given the frames read since {@link #reset} (the empty context before the first step): the
     * whole-frame distribution whose marginals {@link #step} returns. Sums to 1 over all 2^units
     * frames.
     */
    public double frameProbability(double[] frame) {
        if (frame.length != units) {
            throw new IllegalArgumentException("frame has " + frame.length + " units, chain " + units);
        }
        long b = bits(frame);
        double p = 1.0;
        for (int u = 0; u < units; u++) {
            p *= ((b >>> u) & 1L) != 0 ? base[u] : 1.0 - base[u];
        }
        int id = frameIds.get(b);
        int d = seen == 0 ? 0 : depth;
        for (int j = 0; j <= d; j++) {
            int node = path[j];
            long count = 0;
            if (id != LongIntMap.MISSING) {
                for (int i = rowStart[node]; i < rowStart[node + 1]; i++) {
                    if (followFrame[i] == id) {
                        count = followCount[i];
                        break;
                    }
                }
            }
            double t = distinct[node];
            p = (count + t * p) / (total[node] + t);
        }
        return p;
    }

    /**
     * Writes into {@code out} the most probable next frame among the frames seen in training
     * (whole-frame decoding, an alternative to thresholding each unit; ties go to the frame seen
     * first in training).
     */
    public void mostProbableNextFrame(double[] out) {
        double best = -1;
        long bestBits = 0;
        double[] probe = acc;
        for (long b : frameBits) {
            for (int u = 0; u < units; u++) {
                probe[u] = ((b >>> u) & 1L) != 0 ? 1.0 : 0.0;
            }
            double p = frameProbability(probe);
            if (p > best) {
                best = p;
                bestBits = b;
            }
        }
        for (int u = 0; u < units; u++) {
            out[u] = ((bestBits >>> u) & 1L) != 0 ? 1.0 : 0.0;
        }
    }

    /** out <- (sum_f c(h, f) [u in f] + T(h) out) / (c(h) + T(h)); uses {@code acc}. */
    private void interpolate(int node) {
        long c = total[node];
        if (c == 0) {
            return;
        }
        Arrays.fill(acc, 0.0);
        for (int i = rowStart[node]; i < rowStart[node + 1]; i++) {
            long b = frameBits[followFrame[i]];
            double n = followCount[i];
            while (b != 0) {
                acc[Long.numberOfTrailingZeros(b)] += n;
                b &= b - 1;
            }
        }
        double t = distinct[node];
        double norm = 1.0 / (c + t);
        for (int u = 0; u < units; u++) {
            out[u] = (acc[u] + t * out[u]) * norm;
        }
    }

    @Override
    public String name() {
        return "Markov k=" + order;
    }

    @Override
    public String toString() {
        return name() + " [units=" + units + ", alpha=" + alpha + ", frames=" + vocabularySize()
                + ", contexts=" + contexts + ", transitions=" + transitions + "]";
    }

    /** The frame as a bit mask: bit u set when unit u is above 0.5. */
    static long bits(double[] frame) {
        long b = 0;
        for (int u = 0; u < frame.length; u++) {
            if (frame[u] > 0.5) {
                b |= 1L << u;
            }
        }
        return b;
    }

    private static long childKey(int parent, int frame) {
        return ((long) parent << 32) | frame;
    }

    /** Growable counting tables, used only while training. */
    private static final class Counter {
        final LongIntMap frameIds = new LongIntMap(256);
        long[] frameBits = new long[64];
        int frames;
        final LongIntMap children = new LongIntMap(1024);
        int nodes = 1;
        final LongIntMap entryIndex = new LongIntMap(1024);
        int[] entryNode = new int[1024];
        int[] entryFrame = new int[1024];
        long[] entryCount = new long[1024];
        int entries;
        final long[] unitCounts;
        long transitions;

        Counter(int units) {
            unitCounts = new long[units];
        }

        int frameId(long b) {
            int id = frameIds.get(b);
            if (id == LongIntMap.MISSING) {
                id = frames++;
                if (id == frameBits.length) {
                    frameBits = Arrays.copyOf(frameBits, 2 * id);
                }
                frameBits[id] = b;
                frameIds.put(b, id);
            }
            return id;
        }

        int child(int parent, int frame) {
            long key = childKey(parent, frame);
            int id = children.get(key);
            if (id == LongIntMap.MISSING) {
                id = nodes++;
                children.put(key, id);
            }
            return id;
        }

        void countTransition(int next) {
            transitions++;
            long b = frameBits[next];
            while (b != 0) {
                unitCounts[Long.numberOfTrailingZeros(b)]++;
                b &= b - 1;
            }
        }

        void count(int node, int next) {
            long key = childKey(node, next);
            int e = entryIndex.get(key);
            if (e == LongIntMap.MISSING) {
                e = entries++;
                if (e == entryNode.length) {
                    entryNode = Arrays.copyOf(entryNode, 2 * e);
                    entryFrame = Arrays.copyOf(entryFrame, 2 * e);
                    entryCount = Arrays.copyOf(entryCount, 2 * e);
                }
                entryNode[e] = node;
                entryFrame[e] = next;
                entryIndex.put(key, e);
            }
            entryCount[e]++;
        }
    }
}
