package bebop.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bebop.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class AtomicFilesTest {
    private static Path dir(String name) throws IOException {
        Path d = Path.of("target", "test-work", "atomic-" + name);
        if (Files.exists(d)) {
            try (var s = Files.list(d)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(d);
    }

    @Test
    void aNewFileIsReadableByOthersAndAnOldFileKeepsItsPermissions() throws IOException {
        Path d = dir("perms");
        Path fresh = d.resolve("new.bin");
        AtomicFiles.write(fresh, new byte[] {1, 2, 3});
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Path old = d.resolve("old.bin");
        Files.write(old, new byte[] {9});
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(old, new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(old));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path d = dir("fail");
        Path target = d.resolve("keep.bin");
        Files.write(target, new byte[] {7, 7});
        UserError e = assertThrows(UserError.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IOException("No space left on device");
        }));
        assertEquals(target + ": cannot write: No space left on device", e.getMessage());
        assertArrayEquals(new byte[] {7, 7}, Files.readAllBytes(target));
        try (var s = Files.list(d)) {
            assertEquals(1, s.count());
        }
    }
}
