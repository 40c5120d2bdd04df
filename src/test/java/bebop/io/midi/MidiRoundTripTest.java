package bebop.io.midi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MIDI write -> read -> write gives the same bytes; read -> write -> read gives the same score. */
class MidiRoundTripTest {
    static Stream<Score> scores() {
        return TestScores.all().stream();
    }

    @ParameterizedTest
    @MethodSource("scores")
    void writeReadWriteIsByteIdentical(Score score) {
        byte[] first = MidiWriter.toBytes(score);
        Score read = MidiReader.parse(first, "first.mid").score();
        byte[] second = MidiWriter.toBytes(read);
        assertArrayEquals(first, second, "bytes differ after a round trip of '" + score.title() + "'");
    }

    @ParameterizedTest
    @MethodSource("scores")
    void readWriteReadGivesAnEqualScore(Score score) {
        byte[] file = MidiWriter.toBytes(score); // a file at 480 ticks per quarter
        Score read = MidiReader.parse(file, "a.mid").score();
        Score again = MidiReader.parse(MidiWriter.toBytes(read), "b.mid").score();
        assertEquals(read, again);
    }

    @ParameterizedTest
    @MethodSource("scores")
    void readingWhatWasWrittenGivesTheScoreScaledTo480(Score score) {
        Score read = MidiReader.parse(MidiWriter.toBytes(score), "a.mid").score();
        assertEquals(scaled(score, MidiWriter.RESOLUTION), read);
    }

    @org.junit.jupiter.api.Test
    void overlappingNotesOfOnePitchKeepTheirBytesThoughTheyArePairedFirstOnFirstOff() {
        Score score = new Score("Overlap", 480, 120, bebop.music.TimeSignature.FOUR_FOUR, List.of(new Part("Melody", 0, 0,
                List.of(new Note(60, 0, 1440, 50), new Note(60, 480, 480, 100)))), List.of(), 1920);
        byte[] first = MidiWriter.toBytes(score);
        Score read = MidiReader.parse(first, "o.mid").score();
        // on 0, on 480, off 960, off 1440: the first note-on takes the first note-off
        assertEquals(List.of(new Note(60, 0, 960, 50), new Note(60, 480, 960, 100)), read.parts().get(0).notes());
        assertArrayEquals(first, MidiWriter.toBytes(read));
        assertEquals(read, MidiReader.parse(MidiWriter.toBytes(read), "p.mid").score());
    }

    /** The score on another tick grid (exact multiples only). */
    static Score scaled(Score s, int tpq) {
        java.util.function.LongUnaryOperator f = t -> {
            assertEquals(0, t * tpq % s.ticksPerQuarter(), "tick " + t + " does not scale exactly");
            return t * tpq / s.ticksPerQuarter();
        };
        List<Part> parts = new ArrayList<>();
        for (Part p : s.parts()) {
            parts.add(new Part(p.name(), p.channel(), p.program(),
                    p.notes().stream().map(n -> new Note(n.pitch(), f.applyAsLong(n.start()), f.applyAsLong(n.duration()), n.velocity())).toList()));
        }
        return new Score(s.title(), tpq, s.tempoBpm(), s.timeSignature(), parts,
                s.chordSymbols().stream().map(c -> new bebop.music.ChordSymbol(f.applyAsLong(c.start()), c.symbol())).toList(),
                f.applyAsLong(s.length()));
    }
}
