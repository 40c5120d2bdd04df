package bebop.jam;

import bebop.app.ScoreFiles;
import bebop.app.ScoreFormat;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Progression;
import bebop.music.Score;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * A jam as played, on its grid: whole bars from bar 1 ({@code lengthSteps}), the chords, bebop's
 * melody and the player's notes (as quantised onto the grid, at the pitches played), each in steps.
 */
public record JamRecording(Progression progression, double tempo, int stepsPerQuarter, int stepsPerBar, long lengthSteps,
                           List<JamSession.StepNote> chords, List<JamSession.StepNote> bebop,
                           List<JamSession.StepNote> player) {
    public static final String BEBOP = "bebop";
    public static final String PLAYER = "Player";
    static final int TICKS_PER_QUARTER = 480;

    public JamRecording {
        chords = List.copyOf(chords);
        bebop = List.copyOf(bebop);
        player = List.copyOf(player);
    }

    public long bars() {
        return lengthSteps / stepsPerBar;
    }

    /** The session as a score: parts Chords, bebop and Player on tracks and channels of their own, the progression's symbols. */
    public Score score() {
        List<Part> parts = List.of(
                part(Part.CHORDS, JamSession.CHORD_CHANNEL, JamSession.CHORD_PROGRAM, chords),
                part(BEBOP, JamSession.BEBOP_CHANNEL, JamSession.BEBOP_PROGRAM, bebop),
                part(PLAYER, JamSession.PLAYER_CHANNEL, JamSession.PLAYER_PROGRAM, player));
        return score(parts);
    }

    /**
     * The session as a lead sheet: the chords, and one melody (Melody) of the calls and responses in
     * turn: the player's notes and bebop's (where both sound, the later onset cuts the earlier note).
     */
    public Score leadSheet() {
        List<JamSession.StepNote> both = new ArrayList<>(player);
        both.addAll(bebop);
        return score(List.of(part(Part.CHORDS, JamSession.CHORD_CHANNEL, JamSession.CHORD_PROGRAM, chords),
                part(Part.MELODY, Part.MELODY_CHANNEL, Part.MELODY_PROGRAM, both)));
    }

    private Score score(List<Part> parts) {
        long tps = ticksPerStep();
        return new Score("bebop jam", TICKS_PER_QUARTER, tempo, progression.meter(), parts,
                progression.chordSymbols((int) lengthSteps, stepsPerBar, tps), lengthSteps * tps);
    }

    private long ticksPerStep() {
        return TICKS_PER_QUARTER / stepsPerQuarter;
    }

    private Part part(String name, int channel, int program, List<JamSession.StepNote> notes) {
        long tps = ticksPerStep();
        List<Note> out = new ArrayList<>();
        for (JamSession.StepNote n : notes) {
            out.add(new Note(n.pitch(), n.start() * tps, (n.end() - n.start()) * tps, Math.max(1, Math.min(127, n.velocity()))));
        }
        return new Part(name, channel, program, out);
    }

    /**
     * Writes PREFIX.mid (the three parts on their own tracks), PREFIX.musicxml (the lead sheet) and
     * PREFIX.wav (rendered offline with the SoundFont rules of compose), each to a temporary name and
     * moved into place. An interrupt pending on the calling thread is held back while writing (an
     * interrupted file channel would close) and set again after.
     */
    public List<ScoreFiles.Written> write(Path prefix, Optional<Path> soundfont) {
        boolean interrupted = Thread.interrupted();
        try {
            List<ScoreFiles.Written> written = new ArrayList<>(ScoreFiles.write(score(), prefix.toString(),
                    EnumSet.of(ScoreFormat.mid), false, soundfont, w -> { }));
            written.addAll(ScoreFiles.write(leadSheet(), prefix.toString(), EnumSet.of(ScoreFormat.musicxml), false,
                    soundfont, w -> { }));
            written.addAll(ScoreFiles.write(score(), prefix.toString(), EnumSet.of(ScoreFormat.wav), false, soundfont,
                    w -> { }));
            return written;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
