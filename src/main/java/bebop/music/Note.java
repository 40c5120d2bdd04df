package bebop.music;

/** A sounding note: MIDI pitch, onset and length in ticks of its score's resolution, and velocity. */
public record Note(int pitch, long start, long duration, int velocity) {
    public static final int DEFAULT_VELOCITY = 90;

    public Note {
        Pitch.checkMidi(pitch);
        if (start < 0) {
            throw new IllegalArgumentException("note start " + start + " is negative");
        }
        if (duration <= 0) {
            throw new IllegalArgumentException("note duration " + duration + " is not positive");
        }
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("note velocity " + velocity + " is outside 1..127");
        }
    }

    public Note(int pitch, long start, long duration) {
        this(pitch, start, duration, DEFAULT_VELOCITY);
    }

    public long end() {
        return start + duration;
    }

    /** True when the note sounds at {@code tick} (onset inclusive, end exclusive). */
    public boolean soundsAt(long tick) {
        return tick >= start && tick < end();
    }
}
