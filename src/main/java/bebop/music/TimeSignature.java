package bebop.music;

/** A time signature such as 4/4. */
public record TimeSignature(int numerator, int denominator) {
    public static final TimeSignature FOUR_FOUR = new TimeSignature(4, 4);

    public TimeSignature {
        if (numerator < 1 || numerator > 64) {
            throw new IllegalArgumentException("time signature numerator " + numerator + " is outside 1..64");
        }
        if (denominator < 1 || denominator > 64 || Integer.bitCount(denominator) != 1) {
            throw new IllegalArgumentException("time signature denominator " + denominator + " is not a power of two");
        }
    }

    /** Quarter notes in one bar, times {@code ticksPerQuarter}. */
    public long ticksPerBar(int ticksPerQuarter) {
        return (long) ticksPerQuarter * 4 * numerator / denominator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
