package bebop.io.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bebop.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusFilesTest {
    @Test
    void findsMidiFilesAtAnyDepthSortedByPathWhateverTheCaseOfTheirNames() throws IOException {
        Path dir = TestCorpus.scratch("scan");
        for (String f : List.of("b.mid", "A.MID", "sub/c.Midi", "sub/z/d.mid", "readme.txt", "sub/e.kar", "c.mid.bak")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "x");
        }
        CorpusFiles found = CorpusFiles.scan(dir);
        assertEquals(List.of("A.MID", "b.mid", "sub/c.Midi", "sub/z/d.mid"), found.files());
        assertEquals(3, found.otherFiles());

        Path link = TestCorpus.scratch("scan-link").resolve("corpus");
        Files.createSymbolicLink(link, dir.toAbsolutePath());
        assertEquals(found.files(), CorpusFiles.scan(link).files(), "a linked folder is read");
    }

    @Test
    void aMissingFolderOrAFileIsAUserError() throws IOException {
        Path dir = TestCorpus.scratch("scan-bad");
        assertEquals(dir.resolve("nope") + ": no such folder",
                assertThrows(UserError.class, () -> CorpusFiles.scan(dir.resolve("nope"))).getMessage());
        Path file = Files.writeString(dir.resolve("f.mid"), "x");
        assertEquals(file + ": is a file, not a folder (bebop import reads a folder of MIDI files)",
                assertThrows(UserError.class, () -> CorpusFiles.scan(file)).getMessage());
    }
}
