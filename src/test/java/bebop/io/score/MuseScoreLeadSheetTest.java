package bebop.io.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.app.Tune;
import bebop.music.ChordName;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Progression;
import bebop.music.Score;
import bebop.music.Voicing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lead sheet written by a real program: the test writes a small MuseScore 3 lead sheet (.mscx, one
 * staff, a melody of quarter notes, Harmony elements on the beats where the chords change, key of F),
 * has MuseScore 3 convert it ({@code mscore3 -o out.musicxml in.mscx}) and reads the chords back as
 * {@code --leadsheet} does: the right bars, each chord on its beat with the written root, bass and
 * quality, the key MuseScore wrote (the chords moved to G by --transpose-to), and the melody as the
 * primer: every note at its tick and pitch, a tied note one note, a chord its top note. Skipped locally
 * without MuseScore 3; never skipped where CI is set (CI installs Debian's musescore3).
 */
class MuseScoreLeadSheetTest {
    /** A 12-bar jazz blues in F, one to four chords a bar, as a lead sheet writes it. */
    static final String SHEET = "| F7 | Bb7 | F7 | Cm7 F7 | Bb7 | Bo7 | F/C | D7 | Gm7 | C7 | F7 D7 Gm7 C7 | Gm7 C7sus4 |";

    /** MuseScore's tonal pitch class of a note name: C 14, G 15, F 13, Bb 12 ... (the line of fifths). */
    static int tpc(bebop.music.NoteName n) {
        int natural = switch (n.step()) {
            case 'F' -> 13;
            case 'C' -> 14;
            case 'G' -> 15;
            case 'D' -> 16;
            case 'A' -> 17;
            case 'E' -> 18;
            default -> 19;
        };
        return natural + 7 * n.alter();
    }

    /** The suffix as MuseScore's chord list writes it (the text between root and bass). */
    static String mscx(Progression p) {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <museScore version="3.01">
                  <Score>
                    <Division>480</Division>
                    <metaTag name="workTitle">Test Blues</metaTag>
                    <Part>
                      <Staff id="1">
                        <StaffType group="pitched">
                          <name>stdNormal</name>
                          </StaffType>
                        </Staff>
                      <trackName>Flute</trackName>
                      <Instrument>
                        <longName>Flute</longName>
                        <trackName>Flute</trackName>
                        <Channel>
                          <program value="73"/>
                          </Channel>
                        </Instrument>
                      </Part>
                    <Staff id="1">
                """);
        int[] melody = {65, 69, 72, 74};
        int[] tpcs = {13, 17, 14, 16};
        for (int b = 0; b < p.bars().size(); b++) {
            sb.append("      <Measure>\n        <voice>\n");
            if (b == 0) {
                sb.append("          <KeySig>\n            <accidental>-1</accidental>\n            </KeySig>\n");
                sb.append("          <TimeSig>\n            <sigN>4</sigN>\n            <sigD>4</sigD>\n            </TimeSig>\n");
            }
            int beat = 0;
            for (Progression.Change c : p.bars().get(b).changes()) {
                ChordName n = c.name();
                for (int k = 0; k < c.beats(); k++) {
                    if (k == 0) {
                        sb.append("          <Harmony>\n            <root>").append(tpc(n.root())).append("</root>\n");
                        if (!n.text().isEmpty()) {
                            sb.append("            <name>").append(n.text()).append("</name>\n");
                        }
                        if (n.bass() != null) {
                            sb.append("            <base>").append(tpc(n.bass())).append("</base>\n");
                        }
                        sb.append("            </Harmony>\n");
                    }
                    int i = (b + beat) % 4;
                    if (b == 1 && beat == 0) {
                        i = 3; // the note tied over the bar line from bar 1's last beat
                    }
                    sb.append("          <Chord>\n            <durationType>quarter</durationType>\n");
                    if (b == 2 && beat == 0) { // a third under the melody note: the top note is the melody
                        sb.append("            <Note>\n              <pitch>").append(melody[i] - 4).append("</pitch>\n")
                                .append("              <tpc>").append(tpcs[i] - 4).append("</tpc>\n              </Note>\n");
                    }
                    sb.append("            <Note>\n");
                    if (b == 0 && beat == 3) { // MuseScore 3's tie: a spanner to the note a quarter on
                        sb.append("              <Spanner type=\"Tie\">\n                <Tie>\n                  </Tie>\n")
                                .append("                <next>\n                  <location>\n")
                                .append("                    <fractions>1/4</fractions>\n                    </location>\n")
                                .append("                  </next>\n                </Spanner>\n");
                    } else if (b == 1 && beat == 0) {
                        sb.append("              <Spanner type=\"Tie\">\n                <prev>\n                  <location>\n")
                                .append("                    <fractions>-1/4</fractions>\n                    </location>\n")
                                .append("                  </prev>\n                </Spanner>\n");
                    }
                    sb.append("              <pitch>").append(melody[i]).append("</pitch>\n")
                            .append("              <tpc>").append(tpcs[i]).append("</tpc>\n")
                            .append("              </Note>\n            </Chord>\n");
                    beat++;
                }
            }
            sb.append("          </voice>\n        </Measure>\n");
        }
        return sb.append("      </Staff>\n    </Score>\n  </museScore>\n").toString();
    }

    @Test
    void museScoreConvertsALeadSheetWhoseChordsReadBackBarByBar() throws Exception {
        ExternalProgram mscore = Tools.mscore3();
        Path dir = Tools.scratch("musescore-leadsheet").toAbsolutePath();
        Progression written = Progression.parse(SHEET);
        Files.writeString(dir.resolve("in.mscx"), mscx(written), StandardCharsets.UTF_8);
        ExternalProgram.Result r = mscore.run(List.of("-o", dir.resolve("out.musicxml").toString(),
                dir.resolve("in.mscx").toString()), dir, Tools.sandbox(dir), 180);
        assertEquals(0, r.exitCode(), r.output());
        Path out = dir.resolve("out.musicxml");
        assertTrue(Files.size(out) > 0, r.output());

        Tune sheet = Tune.read("@" + out, Voicing.CORE, null, null);
        Progression read = sheet.progression();
        assertEquals(written.bars().size(), read.bars().size(), read.toString());
        assertEquals(written.meter(), read.meter());
        for (int b = 0; b < written.bars().size(); b++) {
            List<Progression.Change> w = written.bars().get(b).changes();
            List<Progression.Change> g = read.bars().get(b).changes();
            assertEquals(w.size(), g.size(), "bar " + (b + 1) + ": " + read);
            for (int k = 0; k < w.size(); k++) {
                ChordName wn = w.get(k).name();
                ChordName gn = g.get(k).name();
                String where = "bar " + (b + 1) + " chord " + (k + 1) + ": written " + wn + ", read " + gn;
                assertEquals(w.get(k).beats(), g.get(k).beats(), where);
                assertEquals(wn.root().pitchClass(), gn.root().pitchClass(), where);
                assertEquals(wn.bass() == null ? -1 : wn.bass().pitchClass(), gn.bass() == null ? -1 : gn.bass().pitchClass(), where);
                assertEquals(wn.quality(), gn.quality(), where);
                assertEquals(wn.pitchClasses(), gn.pitchClasses(), where);
            }
        }
        // the key MuseScore wrote (F) is read, and the chords move from it
        Tune moved = Tune.read("@" + out, Voicing.CORE, null, "G");
        assertEquals("moved from F (its key) to G, +2 semitones", moved.transposition());
        assertEquals(7, moved.progression().bars().get(0).changes().get(0).name().root().pitchClass());

        // the melody: quarter notes F A C D cycling from each bar's number, beat 4 of bar 1 tied into bar 2
        List<Note> expected = new java.util.ArrayList<>();
        for (int b = 0; b < written.bars().size(); b++) {
            for (int beat = 0; beat < 4; beat++) {
                int pitch = new int[] {65, 69, 72, 74}[(b + beat) % 4];
                if (b == 0 && beat == 3 || b == 1 && beat == 0) {
                    if (b == 0) {
                        expected.add(new Note(74, 3 * 480, 2 * 480));
                    }
                    continue;
                }
                expected.add(new Note(pitch, (4L * b + beat) * 480, 480));
            }
        }
        assertEquals(expected, MusicXmlChords.melody(out));
        Score primer = sheet.melody();
        assertEquals(expected.stream().map(n -> new Note(n.pitch() > 72 ? n.pitch() - 12 : n.pitch(), n.start(), n.duration())).toList(),
                primer.part(Part.MELODY).orElseThrow().notes());
        // moved to G with the chords, and kept in the paper's C4..C5 by octaves
        assertEquals(67, moved.melody().part(Part.MELODY).orElseThrow().notes().get(0).pitch());
        assertEquals(48 * 480, primer.length());
    }
}
