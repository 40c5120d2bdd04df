package bebop.nn;

/** Lets tests in other packages choose the engine's arithmetic ({@link Simd#setEnabled}). */
public final class SimdSwitch {
    private SimdSwitch() {
    }

    /** Switches SIMD for engines made from now on; returns the previous setting. */
    public static boolean set(boolean on) {
        return Simd.setEnabled(on);
    }
}
