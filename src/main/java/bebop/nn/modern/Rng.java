package bebop.nn.modern;

/**
 * The modern trainer's random generator: SplitMix64 (Steele, Lea, Flood 2014), whose whole state
 * is one {@code long}. That makes a training run's randomness (initial weights, data order,
 * dropout masks) saveable in a checkpoint and restorable exactly: same state, same numbers.
 */
public final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    /** A generator whose state is {@code seed}. */
    public Rng(long seed) {
        this.state = seed;
    }

    /** The whole state: a generator made with {@code new Rng(state())} continues this one's sequence. */
    public long state() {
        return state;
    }

    public long nextLong() {
        return mix(state += GOLDEN);
    }

    /** Uniform in [0, 1), 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /**
     * The {@code k}-th (from 0) {@link #nextFloat} of a generator in state {@code state}, drawn
     * without it: the state only counts, so threads can fill parts of one sequence.
     */
    public static float floatAt(long state, long k) {
        return (mix(state + (k + 1) * GOLDEN) >>> 40) * 0x1.0p-24f;
    }

    /** Moves on as {@code n} draws would. */
    public void skip(long n) {
        state += n * GOLDEN;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound) (bound > 0), by Lemire's multiply-shift (bias below 2^-32). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Shuffles {@code a} in place (Fisher-Yates). */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
