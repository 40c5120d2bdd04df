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

    /** The file's text (UTF-8), or a user error naming it. */
    public static String text(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }
}
