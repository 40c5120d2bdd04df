package bebop.nn;

/**
 * What bebop's two Adams (Kingma & Ba 2015) share: {@link Adam} over a paper network's double
 * arrays and {@link bebop.nn.modern.Adam} over a modern stack's one float array. Both update the
 * caller's live parameter arrays in place from a gradient the caller owns (nothing is copied in or
 * out), keep their moments in arrays sized once when they are made, correct the bias of the moments
 * by the step count, and clip a gradient by its global Euclidean norm with {@link #clipScale}. They
 * differ only in the precision of their arithmetic, which each keeps as it was (same results,
 * bit for bit, as before they shared this contract).
 */
public interface Optimizer {
    /** Updates done so far (the t of the bias correction). */
    long steps();

    /**
     * The factor that brings a gradient of Euclidean norm {@code norm} down to {@code maxNorm}: 1
     * when {@code maxNorm} is 0 (no clipping) or the norm is not above it.
     */
    static double clipScale(double norm, double maxNorm) {
        return maxNorm > 0 && norm > maxNorm ? maxNorm / norm : 1.0;
    }
}
