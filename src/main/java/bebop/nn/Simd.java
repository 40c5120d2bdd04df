package bebop.nn;

/**
 * Whether the engine uses the Vector API ({@code jdk.incubator.vector}: {@link VectorKernels}) or
 * plain Java. The Vector API is an incubator module in Java 17: it is used only when the JVM was
 * started with {@code --add-modules jdk.incubator.vector} (the {@code bebop} launcher does so for
 * the commands that train or benchmark, the test run always), and never when the system property
 * {@code bebop.simd} is {@code false}.
 *
 * <p>The two paths differ in the last bits of {@code exp} only, so a training run's results
 * depend on the path (recorded in each model's provenance as {@link #arithmetic()}), and on
 * nothing else: not on the machine's vector length, nor on when the JIT compiles. The plain path
 * is the reference: its results are bit-identical to the engine before SIMD, and tests check the
 * SIMD path against it.
 */
public final class Simd {
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static volatile boolean enabled = AVAILABLE && !"false".equals(System.getProperty("bebop.simd"));

    private Simd() {
    }

    /** The Vector API module is in this JVM. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** Engines made from now on use the SIMD path. */
    public static boolean enabled() {
        return enabled;
    }

    /** "double x8 (512 bits)" or "off": for benchmark reports. */
    public static String describe() {
        return enabled ? VectorKernels.describe() : "off";
    }

    /** "simd" or "plain": the arithmetic that engines made now use, for a model's provenance. */
    public static String arithmetic() {
        return enabled ? "simd" : "plain";
    }

    /**
     * Switches the path for engines made from now on (tests compare the two); returns the previous
     * setting. Turning it on without the module is refused.
     */
    static boolean setEnabled(boolean on) {
        if (on && !AVAILABLE) {
            throw new IllegalStateException("the JVM was started without --add-modules jdk.incubator.vector");
        }
        boolean was = enabled;
        enabled = on;
        return was;
    }
}
