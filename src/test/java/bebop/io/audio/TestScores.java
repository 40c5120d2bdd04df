package bebop.io.audio;

import bebop.data.BluesDataset;
import bebop.encoding.LocalEncoding;
import bebop.music.BluesForm;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.util.List;

/** Scores for the audio and piano-roll tests. */
public final class TestScores {
    private static final BluesDataset DATA = BluesDataset.generate(BluesForm.paper());

    private TestScores() {}

    /** {@code choruses} different choruses of the paper's training set, one after another, decoded. */
    public static Score blues(int choruses, double tempoBpm) {
        double[][] frames = new double[choruses * LocalEncoding.STEPS_PER_CHORUS][];
        for (int c = 0; c < choruses; c++) {
            BluesDataset.Chorus chorus = DATA.choruses().get((c * 1237 + 5) % DATA.choruses().size());
            double[][] f = DATA.frames(chorus);
            System.arraycopy(f, 0, frames, c * f.length, f.length);
        }
        return LocalEncoding.decode(frames, tempoBpm, choruses + " blues choruses");
    }

    /** One melody note (alto sax) at {@code start} ticks for {@code duration} ticks, in a score of {@code length}. */
    public static Score oneNote(int pitch, long start, long duration, long length, double tempo) {
        Part melody = new Part(Part.MELODY, Part.MELODY_CHANNEL, Part.MELODY_PROGRAM,
                List.of(new Note(pitch, start, duration, 100)));
        return new Score("one note", 480, tempo, TimeSignature.FOUR_FOUR, List.of(melody), List.of(), length);
    }
}
