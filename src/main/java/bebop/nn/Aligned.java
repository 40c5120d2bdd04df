package bebop.nn;

/**
 * Where a vector array's first element goes so that its 512-bit loads and stores start on a cache
 * line. A vector access that straddles two lines costs two (the online learners' update loops, bound
 * by their loads and stores, ran 1.75x slower so). HotSpot starts every object on a multiple of
 * {@code -XX:ObjectAlignmentInBytes} (8 by default; the launcher sets 64 for the commands that use the
 * vector path), and an array's elements {@link #BASE_OFFSET} bytes after it: an array whose first
 * {@link #DOUBLE_LEAD} doubles (or {@link #FLOAT_LEAD} floats) are left unused has the rest on whole
 * lines. Without the flag the lead costs a few bytes and changes nothing; it never changes a result.
 */
public final class Aligned {
    /** Bytes of a cache line, and of a 512-bit vector. */
    public static final int LINE = 64;
    /** Bytes from an array's start to its first element (16 on 64-bit HotSpot with compressed class pointers). */
    public static final int BASE_OFFSET = baseOffset();
    /** Unused doubles at the start of an aligned double array. */
    public static final int DOUBLE_LEAD = lead(Double.BYTES);
    /** Unused floats at the start of an aligned float array. */
    public static final int FLOAT_LEAD = lead(Float.BYTES);

    private Aligned() {
    }

    /** A double array of {@code n} usable elements from index {@link #DOUBLE_LEAD}. */
    public static double[] doubles(int n) {
        return new double[DOUBLE_LEAD + n];
    }

    /** A float array of {@code n} usable elements from index {@link #FLOAT_LEAD}. */
    public static float[] floats(int n) {
        return new float[FLOAT_LEAD + n];
    }

    /** {@code n} floats rounded up to whole lines: a row stride that keeps every row of an aligned array on lines. */
    public static int floatStride(int n) {
        int perLine = LINE / Float.BYTES;
        return (n + perLine - 1) / perLine * perLine;
    }

    private static int lead(int elementBytes) {
        return Math.floorMod(-BASE_OFFSET, LINE) / elementBytes;
    }

    /** Read through reflection: naming {@code sun.misc.Unsafe} in the source draws a warning from javac. */
    private static int baseOffset() {
        try {
            return Class.forName("sun.misc.Unsafe").getField("ARRAY_DOUBLE_BASE_OFFSET").getInt(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 16;
        }
    }
}
