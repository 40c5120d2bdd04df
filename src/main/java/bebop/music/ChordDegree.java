package bebop.music;

/**
 * One change to a chord kind's tones, as MusicXML's {@code <degree>} has it: the degree (1 = root,
 * 3, 5, 7, 9, 11, 13; 2, 4 and 6 too), an alteration in semitones and whether the degree is added,
 * altered or taken away. As in MusicXML, the alteration of an added degree counts from a dominant
 * chord (major and perfect degrees, but a minor seventh: add 7 with 0 is the b7, with +1 the major
 * seventh); that of an altered or subtracted degree from the degree the kind already has.
 */
public record ChordDegree(int value, int alter, Type type) {
    public enum Type {
        ADD("add"), ALTER("alter"), SUBTRACT("subtract");

        private final String musicXml;

        Type(String musicXml) {
            this.musicXml = musicXml;
        }

        /** The MusicXML {@code <degree-type>} value. */
        public String musicXml() {
            return musicXml;
        }

        public static Type ofMusicXml(String s) {
            for (Type t : values()) {
                if (t.musicXml.equals(s)) {
                    return t;
                }
            }
            return null;
        }
    }

    public ChordDegree {
        if (value < 1 || value > 13) {
            throw new IllegalArgumentException("degree " + value + " is outside 1..13");
        }
        if (alter < -2 || alter > 2) {
            throw new IllegalArgumentException("degree alteration " + alter + " is outside -2..2");
        }
        if (type == null) {
            throw new IllegalArgumentException("a degree needs a type (add, alter or subtract)");
        }
    }

    public static ChordDegree add(int value, int alter) {
        return new ChordDegree(value, alter, Type.ADD);
    }

    public static ChordDegree alter(int value, int alter) {
        return new ChordDegree(value, alter, Type.ALTER);
    }

    public static ChordDegree subtract(int value) {
        return new ChordDegree(value, 0, Type.SUBTRACT);
    }

    /** The alteration from the major scale's degree of an added degree: add 7 with 0 is -1 (b7). */
    int addedAlterFromMajor() {
        return ChordKind.slot(value) == 7 ? alter - 1 : alter;
    }
}
