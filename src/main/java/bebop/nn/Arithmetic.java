package bebop.nn;

/**
 * How the engine computes: in plain Java, or in vectors through the Vector API
 * ({@code jdk.incubator.vector}: {@link VectorKernels}). A network carries its arithmetic
 * ({@link LstmNetwork#arithmetic()}), and every runner and learner made from it computes with it;
 * the modern LSTM's passes take it as an argument ({@code nn.modern.LstmUnroll}).
 *
 * <p>The two differ in the last bits of {@code exp} only, so a training run's results depend on
 * the arithmetic (recorded in each model's provenance as {@link #id()}), and on nothing else: not
 * on the machine's vector length, nor on when the JIT compiles. {@link #PLAIN} is the reference:
 * its results are bit-identical to the engine before SIMD ({@code EngineBitsTest}), and tests
 * check {@link #SIMD} against it.
 */
public enum Arithmetic {
    PLAIN("plain"),
    SIMD("simd");

    /**
     * The Vector API is in this JVM: the {@code bebop} launcher starts the commands that train or
     * benchmark with {@code --add-modules jdk.incubator.vector} (unless {@code BEBOP_SIMD=0}), the
     * test run always. The class {@link VectorKernels} links against it.
     */
    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /**
     * The JVM flag every JVM that runs the vector kernels gets (the {@code bebop} launcher's
     * {@code simd_flags}, Spark's executors, the JMH forks): past C2's default of 100 class-check
     * traps a compile stops speculating on the Vector API's classes and boxes its vectors (README,
     * Performance, eighth round).
     */
    public static final String TRAP_LIMIT_FLAG = "-XX:PerMethodTrapLimit=10000";

    /**
     * What this JVM was started for: {@link #SIMD} where the Vector API is present and the system
     * property {@code bebop.simd} is not {@code false}, else {@link #PLAIN}. Fixed for the life of
     * the JVM; networks made without an explicit choice use it.
     */
    public static final Arithmetic DEFAULT =
            VECTOR_API && !"false".equals(System.getProperty("bebop.simd")) ? SIMD : PLAIN;

    private final String id;

    Arithmetic(String id) {
        this.id = id;
    }

    /** Whether this JVM can compute with this arithmetic ({@link #SIMD} needs the Vector API module). */
    public boolean available() {
        return this == PLAIN || VECTOR_API;
    }

    /** This arithmetic, or an error naming the missing module when this JVM cannot compute with it. */
    public Arithmetic require() {
        if (!available()) {
            throw new IllegalStateException("the JVM was started without --add-modules jdk.incubator.vector");
        }
        return this;
    }

    /** "plain" or "simd": the name in a model's provenance. */
    public String id() {
        return id;
    }

    /** "double x8 (512 bits)" or "off": for benchmark reports. */
    public String describe() {
        return this == SIMD ? VectorKernels.describe() : "off";
    }

    public boolean vectors() {
        return this == SIMD;
    }
}
