package bebop.io.corpus;

import bebop.io.midi.SmfBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Folders of MIDI files for the import tests, all under target/. */
public final class TestCorpus {
    private TestCorpus() {}

    /** A fresh folder under target/test-work/corpus/. */
    public static Path scratch(String name) throws IOException {
        Path dir = Path.of("target", "test-work", "corpus", name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    /**
     * A small type 1 file: a conductor track, then {@code bars} bars of 4/4 with a melody track
     * (quarter notes, channel 1) and a chord track (a C major triad held per half bar, channel 2).
     */
    public static byte[] tune(int bars, int division) {
        SmfBytes.Events conductor = new SmfBytes.Events().text(0, 3, "Tune").tempo(0, 500_000).timeSignature(0, 4, 2);
        SmfBytes.Events melody = new SmfBytes.Events().text(0, 3, "Flute").program(0, 0, 73);
        SmfBytes.Events chords = new SmfBytes.Events().text(0, 3, "Piano");
        int[] line = {72, 74, 76, 77, 79, 77, 76, 74};
        for (int q = 0; q < bars * 4; q++) {
            melody.noteOn(0, 0, line[q % line.length], 90).noteOff(division, 0, line[q % line.length]);
        }
        for (int h = 0; h < bars * 2; h++) {
            chords.noteOn(0, 1, 48, 70).noteOn(0, 1, 52, 70).noteOn(0, 1, 55, 70)
                    .noteOff(2 * division, 1, 48).noteOff(0, 1, 52).noteOff(0, 1, 55);
        }
        return SmfBytes.concat(SmfBytes.header(1, 3, division), conductor.end(0).track(), melody.end(0).track(),
                chords.end(0).track());
    }

    /** The deliberately broken files, by name, with the exact reason the report must give for each. */
    public static Map<String, String[]> writeBroken(Path dir) throws IOException {
        Map<String, String[]> expected = new LinkedHashMap<>();
        Files.write(dir.resolve("empty.mid"), new byte[0]);
        expected.put("empty.mid", new String[] {"empty", "empty file (0 bytes)"});

        byte[] random = new byte[300];
        new Random(7).nextBytes(random);
        random[0] = 'X';
        Files.write(dir.resolve("random.mid"), random);
        expected.put("random.mid", new String[] {"not-midi", "not a MIDI file (no MThd header)"});

        Files.write(dir.resolve("header-only.mid"), SmfBytes.header(1, 2, 480));
        expected.put("header-only.mid", new String[] {"truncated", "truncated MIDI file (header only, no tracks)"});

        byte[] good = tune(4, 480);
        Files.write(dir.resolve("truncated.mid"), java.util.Arrays.copyOf(good, good.length - 40));
        expected.put("truncated.mid", new String[] {"truncated", "truncated MIDI file (track 3 ends early)"});

        SmfBytes.Events drums = new SmfBytes.Events().text(0, 3, "Drums");
        for (int i = 0; i < 16; i++) {
            drums.noteOn(0, 9, 36 + (i % 3), 100).noteOff(240, 9, 36 + (i % 3));
        }
        Files.write(dir.resolve("drums.mid"), SmfBytes.concat(SmfBytes.header(0, 1, 480), drums.end(0).track()));
        expected.put("drums.mid", new String[] {"drums-only", "drums only (all 16 notes are on channel 10, the drum channel)"});

        byte[] type2 = SmfBytes.concat(SmfBytes.header(2, 1, 480),
                new SmfBytes.Events().noteOn(0, 0, 60, 90).noteOff(480, 0, 60).end(0).track());
        Files.write(dir.resolve("type2.mid"), type2);
        expected.put("type2.mid", new String[] {"type-2", "MIDI type 2 (independent sequences) is not supported"});

        Files.write(dir.resolve("silent.mid"), SmfBytes.concat(SmfBytes.header(0, 1, 480),
                new SmfBytes.Events().tempo(0, 500_000).end(1920).track()));
        expected.put("silent.mid", new String[] {"no-notes", "no notes (the file holds no note events)"});

        Files.write(dir.resolve("short.mid"), tune(1, 480));
        expected.put("short.mid", new String[] {"too-short", "too short (1 bar of music; at least 2 are needed)"});
        return expected;
    }
}
