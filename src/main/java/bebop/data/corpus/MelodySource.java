package bebop.data.corpus;

import java.util.List;

/**
 * Where a piece's melody came from.
 *
 * @param parts the parts taken, numbered from 1 as {@code bebop inspect} numbers them
 * @param name the name of the (first) part taken
 * @param channel its MIDI channel, 1..16
 * @param rule why it was taken: "track:N", "channel:N", or the {@code auto} rule that chose it
 */
public record MelodySource(List<Integer> parts, String name, int channel, String rule) {
    public MelodySource {
        parts = List.copyOf(parts);
    }
}
