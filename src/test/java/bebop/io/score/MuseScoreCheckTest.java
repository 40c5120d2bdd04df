package bebop.io.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.midi.MidiReader;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MuseScore 3 reads our MusicXML: it engraves every fixture to PDF and plays it to MIDI without error,
 * and the notes it plays are ours exactly (pitch, onset, duration), tempo and time signature too.
 *
 * <p>What MuseScore does on the way, and how the comparison allows for it: it plays tied notes as one
 * note (so does the source: we compare the written notes with ties joined); it ends every note one
 * tick early (note-off at onset + length - 1, measured on every note of every fixture with MuseScore
 * 3.2.3), so exactly one tick is added back to each of its notes before comparing; it writes its MIDI at
 * 480 ticks per quarter with one track per part in part order, on the part's MIDI channel and program,
 * and without count-in or offset; it does not play chord symbols and names no tracks, so parts are
 * matched by order. Notes are compared in sixteenths: every onset and (corrected) end must fall exactly
 * on the grid, so a note MuseScore played any other length than ours fails.
 */
class MuseScoreCheckTest {
    @Test
    void museScoreEngravesAndPlaysEveryFixtureAsWritten() throws Exception {
        ExternalProgram musescore = Tools.musescore();
        Path dir = Tools.scratch("musescore").toAbsolutePath();
        Map<String, Notation> notations = new LinkedHashMap<>();
        Map<String, Score> sources = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        ArrayNode job = json.createArrayNode();
        for (Map.Entry<String, Score> e : Fixtures.all().entrySet()) {
            for (boolean chordStaff : e.getKey().equals("blues-2") ? new boolean[] {false, true} : new boolean[] {true}) {
                String name = e.getKey() + (chordStaff ? "-chords" : "");
                Notation n = Notation.of(LeadSheet.of(e.getValue()), chordStaff);
                MusicXmlWriter.write(n, dir.resolve(name + ".musicxml"));
                notations.put(name, n);
                sources.put(name, e.getValue());
                ObjectNode item = job.addObject();
                item.put("in", dir.resolve(name + ".musicxml").toString());
                item.putArray("out").add(dir.resolve(name + ".pdf").toString()).add(dir.resolve(name + ".mid").toString());
            }
        }
        // a piano roll as a piano score: the held notes under moving ones tied, each note as long as it sounds
        Notation piano = Notation.piano(Fixtures.piano());
        MusicXmlWriter.write(piano, dir.resolve("piano.musicxml"));
        notations.put("piano", piano);
        sources.put("piano", Fixtures.piano());
        ObjectNode item = job.addObject();
        item.put("in", dir.resolve("piano.musicxml").toString());
        item.putArray("out").add(dir.resolve("piano.pdf").toString()).add(dir.resolve("piano.mid").toString());
        Files.writeString(dir.resolve("job.json"), json.writeValueAsString(job), StandardCharsets.UTF_8);
        ExternalProgram.Result r = musescore.run(List.of("-j", dir.resolve("job.json").toString()), dir,
                Tools.sandbox(dir), 300);
        assertEquals(0, r.exitCode(), r.output());

        for (Map.Entry<String, Notation> e : notations.entrySet()) {
            String name = e.getKey();
            Notation n = e.getValue();
            byte[] pdf = Files.readAllBytes(dir.resolve(name + ".pdf"));
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII), name);

            Score played = MidiReader.read(dir.resolve(name + ".mid"));
            assertEquals(n.tempoBpm(), played.tempoBpm(), 1e-3, name + ": tempo");
            assertEquals(n.timeSignature(), played.timeSignature(), name + ": time signature");
            List<Part> playedParts = played.parts().stream().filter(p -> !p.notes().isEmpty()).toList();
            List<Notation.Staff> staves = n.staves().stream().filter(s -> !s.writtenNotes().isEmpty()).toList();
            assertEquals(staves.size(), playedParts.size(), name + ": parts with notes");
            for (int i = 0; i < staves.size(); i++) {
                Notation.Staff staff = staves.get(i);
                Part p = playedParts.get(i);
                assertEquals(staff.channel(), p.channel(), name + " " + staff.name() + ": channel");
                assertEquals(staff.program(), p.program(), name + " " + staff.name() + ": program");
                List<String> museScore = sixteenths(oneTickLonger(p.notes()), played.ticksPerQuarter(), name);
                assertEquals(text(staff.writtenNotes()), museScore, name + " " + staff.name());
                if (!name.startsWith("offgrid")) {
                    // on the grid already: what MuseScore plays is the source score itself
                    Score score = sources.get(name);
                    List<Note> source = name.equals("piano")
                            ? score.parts().get(0).notes().stream().filter(x -> (x.pitch() >= Notation.SPLIT_KEY)
                                    == staff.name().equals("Right hand")).toList()
                            : score.part(staff.name()).orElseThrow().notes();
                    assertEquals(sixteenths(source, score.ticksPerQuarter(), name), museScore,
                            name + " " + staff.name() + " against the source");
                }
            }
        }
    }

    /** MuseScore's notes with the one tick it cuts from each note-off given back. */
    private static List<Note> oneTickLonger(List<Note> notes) {
        return notes.stream().map(n -> new Note(n.pitch(), n.start(), n.duration() + 1, n.velocity())).toList();
    }

    /** Notes as "pitch@start+length" in sixteenths, sorted; fails where a time is off the grid. */
    private static List<String> sixteenths(List<Note> notes, int tpq, String name) {
        List<String> out = new ArrayList<>();
        for (Note note : notes.stream().sorted(Comparator.comparingLong(Note::start).thenComparingInt(Note::pitch)).toList()) {
            assertTrue(note.start() * 4 % tpq == 0 && note.duration() * 4 % tpq == 0, name + ": off the grid: " + note);
            out.add(note.pitch() + "@" + note.start() * 4 / tpq + "+" + note.duration() * 4 / tpq);
        }
        return out;
    }

    private static List<String> text(List<Note> written) {
        return written.stream().sorted(Comparator.comparingLong(Note::start).thenComparingInt(Note::pitch))
                .map(n -> n.pitch() + "@" + n.start() + "+" + n.duration()).toList();
    }
}
