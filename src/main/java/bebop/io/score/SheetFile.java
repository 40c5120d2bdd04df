package bebop.io.score;

import bebop.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A lead sheet's file read whole, every reader's one way to say that it is missing or unreadable. */
public final class SheetFile {
    private SheetFile() {}

    /** The file's bytes, or a user error naming it. */
    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file", e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The file's text (UTF-8), or a user error naming it; a file that is not text (a MIDI file, a model)
     * is an {@link IllegalArgumentException} saying so, for the caller to name with its option.
     */
    public static String text(Path file) {
        byte[] b = bytes(file);
        if (b.length >= 4 && b[0] == 'M' && b[1] == 'T' && b[2] == 'h' && b[3] == 'd') {
            throw new IllegalArgumentException("a MIDI file, not a lead sheet or chord chart (bebop render " + file
                    + " --to musicxml writes a MusicXML lead sheet of it, its chords recognised)");
        }
        // a NUL byte marks a binary file; text in another encoding than UTF-8 still reads (its comments may be Latin-1)
        String text = new String(b, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a text file (a lead sheet is MusicXML, an Impro-Visor .ls sheet, "
                    + "iReal Pro links or a text chart of chord symbols)");
        }
        return text;
    }
}
