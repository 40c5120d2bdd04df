package bebop.nn;

import java.util.Arrays;

/**
 * The float path's kernels in plain Java ({@link FloatForward}, {@link FloatLearner}): the
 * column-major product, the logistic, the cells' update and the online learner's fused update loops
 * of {@link Kernels}, in floats. {@link FloatVectorKernels} does the same arithmetic element by
 * element (the same multiplies, adds and fused multiply-adds, in the same order), so the two give
 * the same bits.
 *
 * <p>Every float array these kernels (and the vector ones) take is {@link Aligned}: its element
 * {@code i} sits at index {@link #LEAD} {@code + i} (made by {@link Aligned#floats}), so that the
 * whole vectors of the float layout start on cache lines; index arrays ({@code nz}) hold plain
 * element numbers.
 */
final class FloatKernels {
    /** Index of element 0 of every float array of the float path ({@link Aligned#FLOAT_LEAD}). */
    static final int LEAD = Aligned.FLOAT_LEAD;

    private FloatKernels() {
    }

    /*
     * The float path's logistic: its arguments are float sums, so a float exp (within about 2 ulp
     * of float) serves it; in float vectors it takes a third of the double path's time (twice the
     * lanes, 7 terms of Taylor instead of 12). exp(a) = 2^k e^r with k = round(a log2 e) and
     * |r| <= ln 2 / 2; e^r by Taylor to r^7 / 7! (error 5e-9), times 2^k built in the exponent bits.
     */
    static final float CLAMP = (float) Activations.CLAMP;
    static final float LOG2_E = 1.44269504f;
    /** ln 2 in two parts (fdlibm's expf): the high part has 7 zero low bits, so k * LN2_HI is exact for |k| <= 128. */
    static final float LN2_HI = 6.9313812256e-01f;
    static final float LN2_LO = 9.0580006145e-06f;
    /** 1.5 * 2^23: adding it rounds to an integer, which then sits in the low bits. */
    static final float SHIFTER = 0x1.8p23f;
    static final int SHIFTER_BITS = Float.floatToRawIntBits(SHIFTER);
    /** Taylor's coefficients 1/2!, ..., 1/7! (those of r^0 and r^1 are 1). */
    static final float E2 = 1f / 2;
    static final float E3 = 1f / 6;
    static final float E4 = 1f / 24;
    static final float E5 = 1f / 120;
    static final float E6 = 1f / 720;
    static final float E7 = 1f / 5040;

    /**
     * exp of a float in {@code [-CLAMP, CLAMP]}; {@link FloatVectorKernels#sigmoid}'s lanes do the same
     * operations. The polynomial in Estrin's scheme, pairs of terms combined by r^2 and r^4: three
     * multiply-adds deep instead of Horner's seven (a step waits on three logistics in a row).
     */
    static float exp(float a) {
        final float shifted = a * LOG2_E + SHIFTER;
        final float k = shifted - SHIFTER;
        final float r = a - k * LN2_HI - k * LN2_LO;
        final float r2 = r * r;
        final float low = Math.fma(Math.fma(r, E3, E2), r2, r + 1f);
        final float high = Math.fma(Math.fma(r, E7, E6), r2, Math.fma(r, E5, E4));
        final float p = Math.fma(high, r2 * r2, low);
        return p * Float.intBitsToFloat((Float.floatToRawIntBits(shifted) + (127 - SHIFTER_BITS)) << 23);
    }

    /** {@code out[i] = 1 / (1 + exp(-x[i]))} for {@code i < n}, the argument clamped to +-{@link #CLAMP}. */
    static void sigmoid(float[] x, float[] out, int n) {
        for (int i = LEAD; i < LEAD + n; i++) {
            out[i] = 1f / (exp(-Math.min(Math.max(x[i], -CLAMP), CLAMP)) + 1f);
        }
    }

    /**
     * Adds {@code sum_s w[s * stride + r] * v[s]} over the sources {@code s} of {@code [from, to)},
     * ascending, to {@code out[r]} for {@code r < rows} (to 0 unless {@code add}), each term by a
     * fused multiply-add. A source of value 0 adds nothing (a sum starts at +0 and never becomes -0;
     * the weights are finite), so a kernel may skip it or not: the same bits. This one skips them
     * (most of a binary frame is 0).
     */
    static void columnProduct(float[] w, int stride, int rows, float[] v, int from, int to, boolean add,
                              float[] out) {
        if (!add) {
            for (int r = LEAD; r < LEAD + rows; r++) {
                out[r] = 0f;
            }
        }
        for (int s = from; s < to; s++) {
            final float vs = v[LEAD + s];
            if (vs == 0f) {
                continue;
            }
            final int o = s * stride;
            for (int r = LEAD; r < LEAD + rows; r++) {
                out[r] = Math.fma(w[o + r], vs, out[r]);
            }
        }
    }

    /**
     * Sources a chunk of the early gate product ({@link #chunkedProduct}), counted from source 0:
     * a chunk of a big net's columns (88x256: 64 of them, 700 KB with their momentum terms and
     * traces) fits the core's cache, which a pass that starts on the chunks the last one ended with
     * finds still there.
     */
    static final int CHUNK = 64;

    /**
     * {@code out[r]} for {@code r < rows} = the product of the sources {@code [from, to)} summed by
     * chunks: for each chunk of {@link #CHUNK} sources (by index) that meets the range, the
     * {@link #columnProduct} of its sources from +0; then the first chunk's sums plus the next
     * chunk's, and so on, ascending (a range within one chunk: its product as it is). The early gate
     * product has this form so that the learner's update pass can sum it while it takes the chunks
     * in either order ({@link FloatVectorKernels#learnBlocksAhead}); {@code part} is scratch of
     * {@code rows}.
     */
    static void chunkedProduct(float[] w, int stride, int rows, float[] v, int from, int to, float[] part, float[] out) {
        int c0 = from;
        for (boolean first = true; c0 < to; first = false) {
            final int c1 = Math.min(to, (c0 / CHUNK + 1) * CHUNK);
            columnProduct(w, stride, rows, v, c0, c1, false, first ? out : part);
            if (!first) {
                for (int r = LEAD; r < LEAD + rows; r++) {
                    out[r] += part[r];
                }
            }
            c0 = c1;
        }
    }

    /**
     * The cell states of blocks of one cell from the logistic of their rows ({@code sig}, {@code net}:
     * {@link FloatForward}'s four segments of {@code pad} rows), row by row: {@code g = net}
     * of the cell row if {@code linearIn}, else {@code 4 sigmoid - 2}; {@code s = y_forget sPrev + y_in g}.
     */
    static void cellStates(float[] net, float[] sig, float[] sPrev, float[] gc, float[] s, int pad, boolean linearIn) {
        for (int r = LEAD; r < LEAD + pad; r++) {
            final float g = linearIn ? net[2 * pad + r] : sig[2 * pad + r] * 4f - 2f;
            gc[r] = g;
            s[r] = sig[pad + r] * sPrev[r] + sig[r] * g;
        }
    }

    /** The cell outputs, row by row: {@code h = s} if {@code linearOut}, else {@code 2 stateSig - 1}; {@code yc = y_out h}. */
    static void cellOutputs(float[] sig, float[] stateSig, float[] s, float[] hs, float[] yc, int pad,
                            boolean linearOut) {
        for (int r = LEAD; r < LEAD + pad; r++) {
            final float h = linearOut ? s[r] : stateSig[r] * 2f - 1f;
            hs[r] = h;
            yc[r] = sig[3 * pad + r] * h;
        }
    }

    /**
     * Output rows {@code 0..rows)}, column by column: for source {@code s} and row {@code r},
     * {@code g = delta[r] src[s]}, applied with momentum, {@code dw = mu v - lr g; v = dw; w += dw}.
     */
    static void learnColumns(float[] w, float[] vel, int stride, int rows, int n, float[] src, float[] delta,
                             float lr, float mu) {
        for (int s = 0; s < n; s++) {
            final float us = src[LEAD + s];
            final int o = s * stride;
            for (int r = LEAD; r < LEAD + rows; r++) {
                apply(w, vel, o + r, delta[r] * us, lr, mu);
            }
        }
    }

    /** The partial sums of {@link #cellErrors}, whatever the machine's vector length. */
    static final int PARTIALS = 16;

    /**
     * The error each cell gets back from the output units, {@code e_c = sum_k w_kc delta_k}, for the
     * output sources {@code i < cells.length} (cell {@code cells[i]}, weights at
     * {@code i * stride}): output {@code k < n} goes by a fused multiply-add into partial sum
     * {@code k mod 16}, k ascending; the partials are then folded ({@link #fold}). Sixteen chains side
     * by side instead of one sum a cell, in one vector of 512 bits ({@link FloatVectorKernels#cellErrors}).
     */
    static void cellErrors(float[] w, int stride, int[] cells, float[] delta, int n, float[] e, float[] partial) {
        for (int i = 0; i < cells.length; i++) {
            Arrays.fill(partial, 0f);
            final int o = LEAD + i * stride;
            for (int k = 0; k < n; k++) {
                partial[k % PARTIALS] = Math.fma(w[o + k], delta[LEAD + k], partial[k % PARTIALS]);
            }
            e[LEAD + cells[i]] = fold(partial);
        }
    }

    /** The sum of the {@link #PARTIALS} partial sums, halves added lane to lane: j + 8, j + 4, j + 2, j + 1 (scratch). */
    static float fold(float[] partial) {
        for (int h = PARTIALS / 2; h >= 1; h /= 2) {
            for (int j = 0; j < h; j++) {
                partial[j] += partial[j + h];
            }
        }
        return partial[0];
    }

    /**
     * The gate and cell weights of blocks of one cell ({@link FloatForward}'s layout), source by
     * source ({@code m < n}, value {@code u[m]}; weights at {@code m * stride}, traces at
     * {@code m * traced}): the first {@code traced} rows (input gates, forget gates, cells) update
     * their trace {@code t <- t decay + gain u_m} and take the gradient {@code scale t}; the next
     * {@code o} rows (output gates) the gradient {@code dOut u_m}; each applied with momentum.
     */
    static void learnBlocks(float[] w, float[] vel, float[] tr, int stride, int traced, int o, int n, float[] u,
                            float[] decay, float[] gain, float[] scale, float[] dOut, float lr, float mu) {
        for (int m = 0; m < n; m++) {
            final float um = u[LEAD + m];
            final int wo = m * stride;
            final int to = m * traced;
            for (int i = LEAD; i < LEAD + traced; i++) {
                final float t = tr[to + i] * decay[i] + gain[i] * um;
                tr[to + i] = t;
                apply(w, vel, wo + i, scale[i] * t, lr, mu);
            }
            for (int i = LEAD; i < LEAD + o; i++) {
                apply(w, vel, wo + traced + i, dOut[i] * um, lr, mu);
            }
        }
    }

    /**
     * The online learner's per-row factors of blocks of one cell, in floats, row by row
     * ({@code sig}: {@link FloatForward}'s four segments of logistics; {@code err}: the error sent
     * back to each cell): {@code es = y_out h'(h) e}; the output gate's delta
     * {@code y_out (1 - y_out) (h e)}; for the input gate, forget gate and cell rows (segments of
     * {@code pad}) the trace decay {@code y_forget}, the gains {@code g y_in (1 - y_in)},
     * {@code sPrev y_forget (1 - y_forget)} and {@code g'(g) y_in}, and the error factor {@code es}.
     * {@code h' = (1 + h)(1 - h) / 2} and {@code g' = (2 + g)(2 - g) / 4}, or 1 for the identity.
     */
    static void factors(float[] sig, float[] hs, float[] gc, float[] sPrev, float[] err, int pad, boolean linearIn,
                        boolean linearOut, float[] decay, float[] gain, float[] scale, float[] outDelta) {
        for (int r = LEAD; r < LEAD + pad; r++) {
            final float yi = sig[r];
            final float yf = sig[pad + r];
            final float yo = sig[3 * pad + r];
            final float h = hs[r];
            final float g = gc[r];
            final float e = err[r];
            final float hSlope = linearOut ? 1f : (1f + h) * (1f - h) * 0.5f;
            final float gSlope = linearIn ? 1f : (2f + g) * (2f - g) * 0.25f;
            final float es = yo * hSlope * e;
            outDelta[r] = yo * (1f - yo) * (h * e);
            decay[r] = yf;
            gain[r] = g * (yi * (1f - yi));
            scale[r] = es;
            decay[pad + r] = yf;
            gain[pad + r] = sPrev[r] * (yf * (1f - yf));
            scale[pad + r] = es;
            decay[2 * pad + r] = yf;
            gain[2 * pad + r] = gSlope * yi;
            scale[2 * pad + r] = es;
        }
    }

    private static void apply(float[] w, float[] vel, int i, float g, float lr, float mu) {
        final float dw = mu * vel[i] - lr * g;
        vel[i] = dw;
        w[i] += dw;
    }
}
