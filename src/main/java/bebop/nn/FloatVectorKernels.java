package bebop.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD versions of {@link FloatKernels} through the Vector API, the same arithmetic element by
 * element (the same bits). Loaded only for {@link Arithmetic#SIMD}. Each loop runs over whole
 * vectors: the float layout pads every segment to them ({@link FloatForward}), and the padding
 * rows, whose weights and factors are 0, stay 0. No vector crosses a call (see
 * {@link VectorKernels}: a call the JIT does not inline boxes its vectors). The arrays are
 * {@link Aligned} ({@link FloatKernels#LEAD}) and the layout's segments whole vectors, so that every
 * load and store of 16 floats touches one cache line (under {@code -XX:ObjectAlignmentInBytes=64}).
 */
final class FloatVectorKernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int LEAD = FloatKernels.LEAD;

    private FloatVectorKernels() {
    }

    static int lanes() {
        return LANES;
    }

    /**
     * {@link FloatKernels#columnProduct}; {@code out} has room for {@code rows} rounded up to whole
     * vectors. A small product ({@link #registerProduct}) visits every source: looking for the ones
     * not 0 would cost it more than it saves. A larger one lists those not 0 in {@code nz} (room for
     * {@code to - from}), then takes them four a pass, each row's sum kept in a register across them
     * and added to in the sources' order (the plain loop's bits): a quarter of the loads and stores
     * of the sums.
     */
    static void columnProduct(float[] w, int stride, int rows, float[] v, int from, int to, boolean add, int[] nz,
                              float[] out) {
        final int end = PackedWeights.roundUp(rows, LANES);
        if (!add) {
            java.util.Arrays.fill(out, LEAD, LEAD + end, 0f);
        }
        if (end <= REGISTER_ROWS) {
            registerProduct(w, stride, end, v, from, to, out);
            return;
        }
        int count = 0;
        for (int s = from; s < to; s++) {
            nz[count] = s;
            count += v[LEAD + s] != 0f ? 1 : 0;
        }
        int q = 0;
        for (; q + 4 <= count; q += 4) {
            final FloatVector u0 = FloatVector.broadcast(SPECIES, v[LEAD + nz[q]]);
            final FloatVector u1 = FloatVector.broadcast(SPECIES, v[LEAD + nz[q + 1]]);
            final FloatVector u2 = FloatVector.broadcast(SPECIES, v[LEAD + nz[q + 2]]);
            final FloatVector u3 = FloatVector.broadcast(SPECIES, v[LEAD + nz[q + 3]]);
            final int o0 = nz[q] * stride;
            final int o1 = nz[q + 1] * stride;
            final int o2 = nz[q + 2] * stride;
            final int o3 = nz[q + 3] * stride;
            for (int r = LEAD; r < LEAD + end; r += LANES) {
                FloatVector a = FloatVector.fromArray(SPECIES, out, r);
                a = FloatVector.fromArray(SPECIES, w, o0 + r).fma(u0, a);
                a = FloatVector.fromArray(SPECIES, w, o1 + r).fma(u1, a);
                a = FloatVector.fromArray(SPECIES, w, o2 + r).fma(u2, a);
                FloatVector.fromArray(SPECIES, w, o3 + r).fma(u3, a).intoArray(out, r);
            }
        }
        for (; q < count; q++) {
            final FloatVector us = FloatVector.broadcast(SPECIES, v[LEAD + nz[q]]);
            final int o = nz[q] * stride;
            for (int r = LEAD; r < LEAD + end; r += LANES) {
                FloatVector.fromArray(SPECIES, w, o + r).fma(us, FloatVector.fromArray(SPECIES, out, r))
                        .intoArray(out, r);
            }
        }
    }

    /** {@link FloatKernels#chunkedProduct}: chunk by chunk {@link #columnProduct}, the first into {@code out}. */
    static void chunkedProduct(float[] w, int stride, int rows, float[] v, int from, int to, int[] nz, float[] part,
                               float[] out) {
        final int end = PackedWeights.roundUp(rows, LANES);
        int c0 = from;
        for (boolean first = true; c0 < to; first = false) {
            final int c1 = Math.min(to, (c0 / FloatKernels.CHUNK + 1) * FloatKernels.CHUNK);
            columnProduct(w, stride, rows, v, c0, c1, false, nz, first ? out : part);
            if (!first) {
                for (int r = LEAD; r < LEAD + end; r += LANES) {
                    FloatVector.fromArray(SPECIES, out, r).add(FloatVector.fromArray(SPECIES, part, r)).intoArray(out, r);
                }
            }
            c0 = c1;
        }
    }

    /** Up to this many rows, {@link #columnProduct} keeps the sums in registers ({@link #registerProduct}). */
    private static final int REGISTER_ROWS = 128;

    /**
     * {@link FloatKernels#sigmoid} over whole vectors ({@code n} a multiple of the lane count), the same
     * operations lane by lane. The clamp by compare and blend: the same values as the plain loop's
     * min and max for every argument, NaN and -0 included, in fewer dependent instructions than the
     * vector min and max (which keep Java's rules for NaN and -0 at a cost of several each).
     */
    static void sigmoid(float[] x, float[] out, int n) {
        for (int i = LEAD; i < LEAD + n; i += LANES) {
            final FloatVector xi = FloatVector.fromArray(SPECIES, x, i);
            final FloatVector a = xi.blend(-FloatKernels.CLAMP, xi.lt(-FloatKernels.CLAMP))
                    .blend(FloatKernels.CLAMP, xi.compare(VectorOperators.GT, FloatKernels.CLAMP)).neg();
            final FloatVector shifted = a.mul(FloatKernels.LOG2_E).add(FloatKernels.SHIFTER);
            final FloatVector k = shifted.sub(FloatKernels.SHIFTER);
            final FloatVector r = a.sub(k.mul(FloatKernels.LN2_HI)).sub(k.mul(FloatKernels.LN2_LO));
            final FloatVector r2 = r.mul(r);
            final FloatVector low = r.fma(FloatKernels.E3, FloatKernels.E2).fma(r2, r.add(1f));
            final FloatVector high = r.fma(FloatKernels.E7, FloatKernels.E6).fma(r2, r.fma(FloatKernels.E5, FloatKernels.E4));
            final FloatVector p = high.fma(r2.mul(r2), low);
            final IntVector bits = (IntVector) shifted.reinterpretAsInts();
            final FloatVector e = p.mul(bits.add(127 - FloatKernels.SHIFTER_BITS).lanewise(VectorOperators.LSHL, 23)
                    .reinterpretAsFloats());
            FloatVector.broadcast(SPECIES, 1f).div(e.add(1f)).intoArray(out, i);
        }
    }

    /** {@link FloatKernels#cellStates} over whole vectors ({@code pad} a multiple of the lane count). */
    static void cellStates(float[] net, float[] sig, float[] sPrev, float[] gc, float[] s, int pad, boolean linearIn) {
        for (int r = LEAD; r < LEAD + pad; r += LANES) {
            final FloatVector g = linearIn ? FloatVector.fromArray(SPECIES, net, 2 * pad + r)
                    : FloatVector.fromArray(SPECIES, sig, 2 * pad + r).mul(4f).sub(2f);
            g.intoArray(gc, r);
            FloatVector.fromArray(SPECIES, sig, pad + r).mul(FloatVector.fromArray(SPECIES, sPrev, r))
                    .add(FloatVector.fromArray(SPECIES, sig, r).mul(g)).intoArray(s, r);
        }
    }

    /** {@link FloatKernels#cellOutputs} over whole vectors ({@code pad} a multiple of the lane count). */
    static void cellOutputs(float[] sig, float[] stateSig, float[] s, float[] hs, float[] yc, int pad,
                            boolean linearOut) {
        for (int r = LEAD; r < LEAD + pad; r += LANES) {
            final FloatVector h = linearOut ? FloatVector.fromArray(SPECIES, s, r)
                    : FloatVector.fromArray(SPECIES, stateSig, r).mul(2f).sub(1f);
            h.intoArray(hs, r);
            FloatVector.fromArray(SPECIES, sig, 3 * pad + r).mul(h).intoArray(yc, r);
        }
    }

    /**
     * {@link #columnProduct} of a small matrix (the gates and outputs of small nets, in the first-level
     * cache): four (then two, one) vectors of rows summed in registers over all sources, each loaded
     * and stored once. The sources are a range: no list to read, the loop's work a source is the
     * loads and multiply-adds of its column (a list's reads and index arithmetic took as long).
     */
    private static void registerProduct(float[] w, int stride, int end, float[] v, int from, int to, float[] out) {
        int r = LEAD;
        for (; r + 4 * LANES <= LEAD + end; r += 4 * LANES) {
            FloatVector a0 = FloatVector.fromArray(SPECIES, out, r);
            FloatVector a1 = FloatVector.fromArray(SPECIES, out, r + LANES);
            FloatVector a2 = FloatVector.fromArray(SPECIES, out, r + 2 * LANES);
            FloatVector a3 = FloatVector.fromArray(SPECIES, out, r + 3 * LANES);
            for (int s = from; s < to; s++) {
                final FloatVector vs = FloatVector.broadcast(SPECIES, v[LEAD + s]);
                final int o = s * stride + r;
                a0 = FloatVector.fromArray(SPECIES, w, o).fma(vs, a0);
                a1 = FloatVector.fromArray(SPECIES, w, o + LANES).fma(vs, a1);
                a2 = FloatVector.fromArray(SPECIES, w, o + 2 * LANES).fma(vs, a2);
                a3 = FloatVector.fromArray(SPECIES, w, o + 3 * LANES).fma(vs, a3);
            }
            a0.intoArray(out, r);
            a1.intoArray(out, r + LANES);
            a2.intoArray(out, r + 2 * LANES);
            a3.intoArray(out, r + 3 * LANES);
        }
        for (; r + 2 * LANES <= LEAD + end; r += 2 * LANES) {
            FloatVector a0 = FloatVector.fromArray(SPECIES, out, r);
            FloatVector a1 = FloatVector.fromArray(SPECIES, out, r + LANES);
            for (int s = from; s < to; s++) {
                final FloatVector vs = FloatVector.broadcast(SPECIES, v[LEAD + s]);
                final int o = s * stride + r;
                a0 = FloatVector.fromArray(SPECIES, w, o).fma(vs, a0);
                a1 = FloatVector.fromArray(SPECIES, w, o + LANES).fma(vs, a1);
            }
            a0.intoArray(out, r);
            a1.intoArray(out, r + LANES);
        }
        for (; r < LEAD + end; r += LANES) {
            FloatVector a0 = FloatVector.fromArray(SPECIES, out, r);
            for (int s = from; s < to; s++) {
                a0 = FloatVector.fromArray(SPECIES, w, s * stride + r).fma(FloatVector.broadcast(SPECIES, v[LEAD + s]), a0);
            }
            a0.intoArray(out, r);
        }
    }

    /**
     * {@link FloatKernels#cellErrors} with the sixteen partial sums in one vector, over whole vectors
     * of outputs (the padding rows' weights and deltas are 0, and a partial sum that starts at +0
     * is never -0, so adding their products changes no bit); on a machine whose vectors are not
     * sixteen floats, the plain loop (the same bits).
     */
    static void cellErrors(float[] w, int stride, int[] cells, float[] delta, int n, float[] e, float[] partial) {
        if (LANES != FloatKernels.PARTIALS) {
            FloatKernels.cellErrors(w, stride, cells, delta, n, e, partial);
            return;
        }
        for (int i = 0; i < cells.length; i++) {
            final int o = LEAD + i * stride;
            FloatVector sum = FloatVector.zero(SPECIES);
            for (int k = 0; k < n; k += LANES) {
                sum = FloatVector.fromArray(SPECIES, w, o + k).fma(FloatVector.fromArray(SPECIES, delta, LEAD + k), sum);
            }
            // FloatKernels.fold in lanes: lane j < h adds lane j + h, h = 8, 4, 2, 1
            sum = sum.add(sum.rearrange(UP8));
            sum = sum.add(sum.rearrange(UP4));
            sum = sum.add(sum.rearrange(UP2));
            sum = sum.add(sum.rearrange(UP1));
            e[LEAD + cells[i]] = sum.lane(0);
        }
    }

    /** Lane {@code j} takes lane {@code j + h} (mod the lanes): the halves of {@link #cellErrors}' fold. */
    private static final VectorShuffle<Float> UP8 = VectorShuffle.fromOp(SPECIES, j -> (j + 8) % LANES);
    private static final VectorShuffle<Float> UP4 = VectorShuffle.fromOp(SPECIES, j -> (j + 4) % LANES);
    private static final VectorShuffle<Float> UP2 = VectorShuffle.fromOp(SPECIES, j -> (j + 2) % LANES);
    private static final VectorShuffle<Float> UP1 = VectorShuffle.fromOp(SPECIES, j -> (j + 1) % LANES);

    /** {@link FloatKernels#learnColumns} over all {@code stride} rows (the padding rows' delta is 0). */
    static void learnColumns(float[] w, float[] vel, int stride, int n, float[] src, float[] delta, float lr,
                             float mu) {
        for (int s = 0; s < n; s++) {
            final float us = src[LEAD + s];
            final int o = s * stride;
            for (int r = LEAD; r < LEAD + stride; r += LANES) {
                FloatVector g = FloatVector.fromArray(SPECIES, delta, r).mul(us);
                FloatVector dw = FloatVector.fromArray(SPECIES, vel, o + r).mul(mu).sub(g.mul(lr));
                dw.intoArray(vel, o + r);
                FloatVector.fromArray(SPECIES, w, o + r).add(dw).intoArray(w, o + r);
            }
        }
    }

    /** {@link FloatKernels#factors} over whole vectors ({@code pad} a multiple of the lane count). */
    static void factors(float[] sig, float[] hs, float[] gc, float[] sPrev, float[] err, int pad, boolean linearIn,
                        boolean linearOut, float[] decay, float[] gain, float[] scale, float[] outDelta) {
        for (int r = LEAD; r < LEAD + pad; r += LANES) {
            final FloatVector yi = FloatVector.fromArray(SPECIES, sig, r);
            final FloatVector yf = FloatVector.fromArray(SPECIES, sig, pad + r);
            final FloatVector yo = FloatVector.fromArray(SPECIES, sig, 3 * pad + r);
            final FloatVector h = FloatVector.fromArray(SPECIES, hs, r);
            final FloatVector g = FloatVector.fromArray(SPECIES, gc, r);
            final FloatVector e = FloatVector.fromArray(SPECIES, err, r);
            final FloatVector es = linearOut ? yo.mul(e)
                    : yo.mul(h.add(1f).mul(FloatVector.broadcast(SPECIES, 1f).sub(h)).mul(0.5f)).mul(e);
            yo.mul(FloatVector.broadcast(SPECIES, 1f).sub(yo)).mul(h.mul(e)).intoArray(outDelta, r);
            yf.intoArray(decay, r);
            g.mul(yi.mul(FloatVector.broadcast(SPECIES, 1f).sub(yi))).intoArray(gain, r);
            es.intoArray(scale, r);
            yf.intoArray(decay, pad + r);
            FloatVector.fromArray(SPECIES, sPrev, r).mul(yf.mul(FloatVector.broadcast(SPECIES, 1f).sub(yf)))
                    .intoArray(gain, pad + r);
            es.intoArray(scale, pad + r);
            yf.intoArray(decay, 2 * pad + r);
            (linearIn ? yi : g.add(2f).mul(FloatVector.broadcast(SPECIES, 2f).sub(g)).mul(0.25f).mul(yi))
                    .intoArray(gain, 2 * pad + r);
            es.intoArray(scale, 2 * pad + r);
        }
    }

    /**
     * {@link FloatKernels#learnBlocks} for a layout of one vector a segment ({@code traced} three
     * vectors, {@code o} one), which also sums the next step's gate product over the sources with
     * values in {@code next} (the cells and the bias; 0 for the inputs, not known yet, whose terms
     * then add nothing) into {@code out} with the weights just changed: the forward pass's
     * {@link #chunkedProduct} of the sources from {@code from}, the same fused multiply-adds in the
     * same order from +0 a chunk, the chunks' sums added in order. The update is bound by its
     * stores; the products' multiply-adds fill the arithmetic units it leaves idle, and the factors
     * stay in registers across the sources.
     */
    static void learnBlocksAhead(float[] w, float[] vel, float[] tr, int from, int n, float[] u, float[] next,
                                 float[] decay, float[] gain, float[] scale, float[] dOut, float lr, float mu,
                                 float[] out) {
        final int stride = 4 * LANES;
        final int traced = 3 * LANES;
        final FloatVector d0 = FloatVector.fromArray(SPECIES, decay, LEAD);
        final FloatVector d1 = FloatVector.fromArray(SPECIES, decay, LEAD + LANES);
        final FloatVector d2 = FloatVector.fromArray(SPECIES, decay, LEAD + 2 * LANES);
        final FloatVector k0 = FloatVector.fromArray(SPECIES, gain, LEAD);
        final FloatVector k1 = FloatVector.fromArray(SPECIES, gain, LEAD + LANES);
        final FloatVector k2 = FloatVector.fromArray(SPECIES, gain, LEAD + 2 * LANES);
        final FloatVector e0 = FloatVector.fromArray(SPECIES, scale, LEAD);
        final FloatVector e1 = FloatVector.fromArray(SPECIES, scale, LEAD + LANES);
        final FloatVector e2 = FloatVector.fromArray(SPECIES, scale, LEAD + 2 * LANES);
        final FloatVector dO = FloatVector.fromArray(SPECIES, dOut, LEAD);
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        for (int c0 = 0; c0 < n; c0 += FloatKernels.CHUNK) {
            final int c1 = Math.min(n, c0 + FloatKernels.CHUNK);
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int m = c0; m < c1; m++) {
                // the three traced rows' vectors, then the output gates', written out: no vector crosses a call
                final float um = u[LEAD + m];
                final FloatVector vn = FloatVector.broadcast(SPECIES, next[LEAD + m]);
                final int w0 = LEAD + m * stride;
                final int w1 = w0 + LANES;
                final int w2 = w0 + 2 * LANES;
                final int w3 = w0 + traced;
                final int t0 = LEAD + m * traced;
                final int t1 = t0 + LANES;
                final int t2 = t0 + 2 * LANES;
                final FloatVector tr0 = FloatVector.fromArray(SPECIES, tr, t0).mul(d0).add(k0.mul(um));
                final FloatVector tr1 = FloatVector.fromArray(SPECIES, tr, t1).mul(d1).add(k1.mul(um));
                final FloatVector tr2 = FloatVector.fromArray(SPECIES, tr, t2).mul(d2).add(k2.mul(um));
                tr0.intoArray(tr, t0);
                tr1.intoArray(tr, t1);
                tr2.intoArray(tr, t2);
                final FloatVector dw0 = FloatVector.fromArray(SPECIES, vel, w0).mul(mu).sub(e0.mul(tr0).mul(lr));
                final FloatVector dw1 = FloatVector.fromArray(SPECIES, vel, w1).mul(mu).sub(e1.mul(tr1).mul(lr));
                final FloatVector dw2 = FloatVector.fromArray(SPECIES, vel, w2).mul(mu).sub(e2.mul(tr2).mul(lr));
                final FloatVector dw3 = FloatVector.fromArray(SPECIES, vel, w3).mul(mu).sub(dO.mul(um).mul(lr));
                dw0.intoArray(vel, w0);
                dw1.intoArray(vel, w1);
                dw2.intoArray(vel, w2);
                dw3.intoArray(vel, w3);
                final FloatVector nw0 = FloatVector.fromArray(SPECIES, w, w0).add(dw0);
                final FloatVector nw1 = FloatVector.fromArray(SPECIES, w, w1).add(dw1);
                final FloatVector nw2 = FloatVector.fromArray(SPECIES, w, w2).add(dw2);
                final FloatVector nw3 = FloatVector.fromArray(SPECIES, w, w3).add(dw3);
                nw0.intoArray(w, w0);
                nw1.intoArray(w, w1);
                nw2.intoArray(w, w2);
                nw3.intoArray(w, w3);
                a0 = nw0.fma(vn, a0);
                a1 = nw1.fma(vn, a1);
                a2 = nw2.fma(vn, a2);
                a3 = nw3.fma(vn, a3);
            }
            if (c1 <= from) {
                continue; // inputs only: nothing of the product
            }
            if (c0 <= from) {
                s0 = a0;
                s1 = a1;
                s2 = a2;
                s3 = a3;
            } else {
                s0 = s0.add(a0);
                s1 = s1.add(a1);
                s2 = s2.add(a2);
                s3 = s3.add(a3);
            }
        }
        s0.intoArray(out, LEAD);
        s1.intoArray(out, LEAD + LANES);
        s2.intoArray(out, LEAD + 2 * LANES);
        s3.intoArray(out, LEAD + 3 * LANES);
    }

    /**
     * {@link FloatKernels#learnBlocks} ({@code traced} and {@code o} whole vectors, any number of
     * them), and the next step's early gate product ({@link FloatForward#nextSources} in
     * {@code next}, 0 at the inputs) summed into {@code out} from each new column while it is in
     * registers: the {@link FloatKernels#chunkedProduct} of the sources from {@code from}, each
     * chunk's sums in their own place of {@code partials} (room for every chunk's {@code stride}
     * rows), then these added in order. The chunks are taken ascending, or descending if
     * {@code descending} (their sources ascending in either case): a big net's weights, momentum
     * terms and traces (88x256: 3.9 MB) outgrow the core's cache and stream through it each step,
     * and a pass that starts on the chunk the last one ended with finds it still there; a product of
     * its own would stream the weights again.
     */
    static void learnBlocksAhead(float[] w, float[] vel, float[] tr, int stride, int traced, int o, int from, int n,
                                 float[] u, float[] next, float[] decay, float[] gain, float[] scale, float[] dOut,
                                 float lr, float mu, boolean descending, float[] partials, float[] out) {
        final int chunks = (n + FloatKernels.CHUNK - 1) / FloatKernels.CHUNK;
        for (int q = 0; q < chunks; q++) {
            final int k = descending ? chunks - 1 - q : q;
            final int p = k * stride;
            java.util.Arrays.fill(partials, p + LEAD, p + LEAD + stride, 0f);
            final int end = Math.min(n, (k + 1) * FloatKernels.CHUNK);
            for (int m = k * FloatKernels.CHUNK; m < end; m++) {
                final float um = u[LEAD + m];
                final float x = next[LEAD + m];
                final int wo = m * stride;
                final int to = m * traced;
                learnColumn(w, vel, tr, wo, to, traced, o, um, x, decay, gain, scale, dOut, lr, mu, partials, p);
            }
        }
        final int firstChunk = from / FloatKernels.CHUNK;
        for (int i = LEAD; i < LEAD + stride; i += LANES) {
            FloatVector sum = FloatVector.fromArray(SPECIES, partials, firstChunk * stride + i);
            for (int k = firstChunk + 1; k < chunks; k++) {
                sum = sum.add(FloatVector.fromArray(SPECIES, partials, k * stride + i));
            }
            sum.intoArray(out, i);
        }
    }

    /**
     * {@link FloatKernels#learnBlocks} of the source whose weights start at {@code wo} and traces at
     * {@code to}; unless {@code x} is 0, the new weights times {@code x} added to {@code partials}
     * from {@code p} (a fused multiply-add each).
     */
    private static void learnColumn(float[] w, float[] vel, float[] tr, int wo, int to, int traced, int o, float um,
                                    float x, float[] decay, float[] gain, float[] scale, float[] dOut, float lr,
                                    float mu, float[] partials, int p) {
        final boolean sum = x != 0f;
        final FloatVector vx = FloatVector.broadcast(SPECIES, x);
        for (int i = LEAD; i < LEAD + traced; i += LANES) {
            FloatVector t = FloatVector.fromArray(SPECIES, tr, to + i)
                    .mul(FloatVector.fromArray(SPECIES, decay, i))
                    .add(FloatVector.fromArray(SPECIES, gain, i).mul(um));
            t.intoArray(tr, to + i);
            FloatVector g = FloatVector.fromArray(SPECIES, scale, i).mul(t);
            FloatVector dw = FloatVector.fromArray(SPECIES, vel, wo + i).mul(mu).sub(g.mul(lr));
            dw.intoArray(vel, wo + i);
            FloatVector nw = FloatVector.fromArray(SPECIES, w, wo + i).add(dw);
            nw.intoArray(w, wo + i);
            if (sum) {
                nw.fma(vx, FloatVector.fromArray(SPECIES, partials, p + i)).intoArray(partials, p + i);
            }
        }
        for (int i = LEAD; i < LEAD + o; i += LANES) {
            final int r = traced + i;
            FloatVector g = FloatVector.fromArray(SPECIES, dOut, i).mul(um);
            FloatVector dw = FloatVector.fromArray(SPECIES, vel, wo + r).mul(mu).sub(g.mul(lr));
            dw.intoArray(vel, wo + r);
            FloatVector nw = FloatVector.fromArray(SPECIES, w, wo + r).add(dw);
            nw.intoArray(w, wo + r);
            if (sum) {
                nw.fma(vx, FloatVector.fromArray(SPECIES, partials, p + r)).intoArray(partials, p + r);
            }
        }
    }
}
