package bebop.io.audio;

import bebop.UserError;
import bebop.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Soundbank;

/**
 * Finds and loads the SoundFont the audio renderer plays with: a file the user names, else the
 * first system SoundFont found, else the JDK's built-in sound bank.
 *
 * <p>System SoundFonts are looked for in {@link #SYSTEM_DIRS} (Debian's
 * {@code timgm6mb-soundfont} and {@code fluid-soundfont-gm} install into /usr/share/sounds/sf2/).
 * In each folder the names in {@link #PREFERRED} are tried in order ({@code default-GM.sf2} is
 * Debian's alternatives link to the best General MIDI font installed), then any other
 * {@code *.sf2} in name order.
 *
 * <p>The JDK's built-in bank is a last resort: when no SoundFont is installed, Gervill synthesises
 * one with random phases and caches it in {@code ~/.gervill}, so its sound (and a WAV's bytes)
 * differ between machines. A SoundFont file gives the same bytes everywhere.
 */
public final class SoundFonts {
    /** Folders searched for a system SoundFont, in order. */
    public static final List<Path> SYSTEM_DIRS = List.of(
            Path.of("/usr/share/sounds/sf2"),
            Path.of("/usr/local/share/sounds/sf2"),
            Path.of("/usr/share/soundfonts"),
            Path.of("/usr/local/share/soundfonts"));

    /** File names tried first in each folder, in order. */
    public static final List<String> PREFERRED = List.of(
            "default-GM.sf2", "default.sf2", "FluidR3_GM.sf2", "TimGM6mb.sf2");

    /**
     * A loaded sound bank and what it is, for the user.
     *
     * @param bank the instruments
     * @param description where it came from, e.g. "/usr/share/sounds/sf2/TimGM6mb.sf2 (TimGM6mb)"
     * @param file the file it was read from; empty for the JDK's built-in bank
     */
    public record Loaded(Soundbank bank, String description, Optional<Path> file) {}

    private SoundFonts() {}

    /**
     * The SoundFont to render with: {@code explicit} when given (a {@link UserError} naming it if
     * it cannot be read), else the first one in {@code dirs}, else the JDK's built-in bank.
     */
    public static Loaded resolve(Optional<Path> explicit, List<Path> dirs) {
        if (explicit.isPresent()) {
            return load(explicit.get());
        }
        for (Path candidate : findSystem(dirs)) {
            try {
                return load(candidate);
            } catch (UserError unreadable) {
                // a broken system file: try the next one, the user did not ask for this one
            }
        }
        return builtIn();
    }

    /** {@link #resolve(Optional, List)} over the {@link #SYSTEM_DIRS}. */
    public static Loaded resolve(Optional<Path> explicit) {
        return resolve(explicit, SYSTEM_DIRS);
    }

    /** The candidate SoundFont files in {@code dirs}, best first (see the class comment). */
    public static List<Path> findSystem(List<Path> dirs) {
        List<Path> found = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (String name : PREFERRED) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) {
                    found.add(p);
                }
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sf2"))
                        .filter(p -> !PREFERRED.contains(p.getFileName().toString()))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .forEach(found::add);
            } catch (IOException unreadableDir) {
                // an unreadable folder holds nothing we can use
            }
        }
        return found;
    }

    /**
     * Loads a SoundFont (SF2, or DLS) file.
     *
     * @throws UserError naming the file when it is missing, unreadable or not a sound bank
     */
    public static Loaded load(Path file) {
        if (!Files.exists(file)) {
            throw new UserError(file + ": no such SoundFont file");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": not a SoundFont file (it is a folder or device)");
        }
        Soundbank bank;
        try {
            bank = MidiSystem.getSoundbank(file.toFile());
        } catch (InvalidMidiDataException e) {
            throw new UserError(file + ": not a SoundFont (SF2) file", e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read SoundFont: " + AtomicFiles.describe(e), e);
        } catch (RuntimeException e) {
            // the JDK's SF2 parser fails with runtime exceptions on some damaged files
            throw new UserError(file + ": damaged SoundFont file (" + e.getClass().getSimpleName() + ")", e);
        }
        if (bank == null || bank.getInstruments().length == 0) {
            throw new UserError(file + ": SoundFont has no instruments");
        }
        Path real = file;
        try {
            real = file.toRealPath();
        } catch (IOException ignored) {
            // describe it by the name given
        }
        String name = bank.getName() == null ? "" : bank.getName().trim();
        String where = real.equals(file) ? file.toString() : file + " -> " + real;
        return new Loaded(bank, name.isEmpty() ? where : where + " (" + name + ")", Optional.of(file));
    }

    /** The JDK's own default sound bank (Gervill's generated emergency bank when no other is installed). */
    public static Loaded builtIn() {
        Soundbank bank;
        try {
            bank = MidiSystem.getSynthesizer().getDefaultSoundbank();
        } catch (MidiUnavailableException e) {
            throw new UserError("no MIDI synthesizer in this Java runtime: " + e.getMessage(), e);
        }
        if (bank == null) {
            throw new UserError("no SoundFont found (looked in " + SYSTEM_DIRS + ") and the Java runtime has no"
                    + " built-in sound bank; install one, e.g. apt-get install timgm6mb-soundfont, or pass --soundfont");
        }
        String name = bank.getName() == null ? "" : bank.getName().trim();
        return new Loaded(bank, "JDK built-in sound bank" + (name.isEmpty() ? "" : " (" + name + ")"), Optional.empty());
    }
}
