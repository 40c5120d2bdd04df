package bebop.data.corpus;

import java.util.Locale;

/**
 * Which part of a file is the melody: {@code auto} (see {@link PieceExtractor}), {@code track:N} (the
 * N-th part, counted from 1, as {@code bebop inspect} numbers them: one per MIDI track and channel
 * with notes) or {@code channel:N} (all notes on MIDI channel N, 1..16).
 */
public record MelodyChoice(Kind kind, int number) {
    public enum Kind { AUTO, TRACK, CHANNEL }

    public static final MelodyChoice AUTO = new MelodyChoice(Kind.AUTO, 0);

    public MelodyChoice {
        if (kind == Kind.TRACK && number < 1) {
            throw new IllegalArgumentException("track number " + number + " must be 1 or more");
        }
        if (kind == Kind.CHANNEL && (number < 1 || number > 16)) {
            throw new IllegalArgumentException("channel " + number + " is outside 1..16");
        }
    }

    /** Parses "auto", "track:N" or "channel:N"; throws IllegalArgumentException with a message for a person. */
    public static MelodyChoice parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("auto")) {
            return AUTO;
        }
        int colon = v.indexOf(':');
        if (colon > 0) {
            String kind = v.substring(0, colon);
            String n = v.substring(colon + 1);
            if ((kind.equals("track") || kind.equals("channel")) && n.matches("[0-9]{1,4}")) {
                return new MelodyChoice(kind.equals("track") ? Kind.TRACK : Kind.CHANNEL, Integer.parseInt(n));
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a melody choice (use auto, track:N or channel:N)");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case AUTO -> "auto";
            case TRACK -> "track:" + number;
            case CHANNEL -> "channel:" + number;
        };
    }
}
