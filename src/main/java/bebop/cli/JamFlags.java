package bebop.cli;

import bebop.jam.JamSettings;
import picocli.CommandLine.Option;

/** The flags of a jam session's form and feel ({@code bebop jam}), read into {@link JamSettings}. */
final class JamFlags {
    @Option(names = "--tempo", paramLabel = "BPM", defaultValue = "120", description = "Default: ${DEFAULT-VALUE}.")
    double tempo;

    @Option(names = "--call-bars", paramLabel = "N", defaultValue = "2", description = "Bars you play before bebop answers. Default: ${DEFAULT-VALUE}.")
    int callBars;

    @Option(names = "--response-bars", paramLabel = "N", defaultValue = "2", description = "Bars bebop answers. Default: ${DEFAULT-VALUE}.")
    int responseBars;

    @Option(names = "--accompany", description = "Play the chords all along and answer only when you rest a whole bar; bebop stops when you come in.")
    boolean accompany;

    @Option(names = "--count-in", paramLabel = "BARS", defaultValue = "1", description = "Bars of clicks before bar 1. Default: ${DEFAULT-VALUE}.")
    int countIn;

    @Option(names = "--metronome", description = "Click on every beat after the count-in too.")
    boolean metronome;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1", description = "bebop's melody temperature (1: the paper's rule). Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of bebop's note draws. Default: ${DEFAULT-VALUE}.")
    long seed;

    JamSettings settings() {
        return new JamSettings(tempo, callBars, responseBars, accompany, countIn, metronome, temperature, seed);
    }
}
