package bebop.io.corpus;

import bebop.data.Split.Part;
import bebop.data.corpus.ExtractedPiece;
import bebop.data.corpus.FileOutcome;

/**
 * What an import made of one file.
 *
 * @param path the file's path relative to the corpus folder, {@code /}-separated
 * @param bytes its size, or -1 when it could not be read
 * @param sha256 "sha256:" and the hex digest of its bytes, or null when it could not be read
 * @param midiFormat the MIDI type (0 or 1) when the file parsed as MIDI, else -1
 * @param outcome the piece or the rejection
 * @param split the split of an imported file's pieces, null for a rejected file
 */
public record FileResult(String path, long bytes, String sha256, int midiFormat, FileOutcome outcome, Part split) {
    public boolean imported() {
        return outcome instanceof FileOutcome.Imported;
    }

    /** The piece of an imported file. */
    public ExtractedPiece piece() {
        if (outcome instanceof FileOutcome.Imported i) {
            return i.piece();
        }
        throw new IllegalStateException(path + " was not imported");
    }

    FileResult withSplit(Part s) {
        return new FileResult(path, bytes, sha256, midiFormat, outcome, s);
    }
}
