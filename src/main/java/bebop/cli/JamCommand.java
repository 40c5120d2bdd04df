package bebop.cli;

import bebop.UserError;
import bebop.app.ComposeRequest;
import bebop.app.ScoreFiles;
import bebop.jam.JamBench;
import bebop.jam.JamRecording;
import bebop.jam.JamSettings;
import bebop.jam.JamSetup;
import bebop.jam.LiveJam;
import bebop.jam.MidiPorts;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bebop jam}: live call and response with a MIDI keyboard (see README, "Jam"). */
@Command(name = "jam", sortOptions = false,
        description = {"Live call and response with a MIDI keyboard: bebop plays the chords, you play a phrase (the "
                + "call), the network hears it note by note on its grid and answers over the same chords (the response).",
            "  bebop jam --list                            the MIDI devices",
            "  bebop jam --in KEYBOARD --out synth|DEVICE  play (Ctrl-C ends)",
            "  bebop jam --bench [--seconds 60]            the timing benchmark"})
final class JamCommand implements Callable<Integer> {
    @Option(names = "--list", description = "List the MIDI devices (inputs: keyboards; outputs: synthesizers, ports).")
    boolean list;

    @Option(names = "--bench", description = "Measure the timing with a scripted player and the JDK synthesizer (no keyboard, no sound card needed).")
    boolean bench;

    @Option(names = "--in", paramLabel = "NAME", description = "The keyboard: a MIDI input's name, or a part of it (bebop jam --list).")
    String in;

    @Option(names = "--out", paramLabel = "NAME|synth",
            description = "Where bebop plays: a MIDI output's name (or a part of it), or synth for the JDK synthesizer with --soundfont or a system SoundFont.")
    String out;

    @Option(names = "--model", paramLabel = "M.bebop", description = "The network. Default: the bundled model (Experiment 2).")
    Path model;

    @Option(names = "--chords", paramLabel = "PROGRESSION",
            description = "The chords to jam over, as compose --chords takes them (text or @FILE). Default: the model's 12-bar form.")
    String chords;

    @Option(names = "--voicing", paramLabel = "core|full", description = "How --chords sounds. Default: as the model's training chords.")
    String voicing;

    @Mixin
    JamFlags jamFlags;

    @Option(names = "--record", paramLabel = "PREFIX",
            description = "When the jam ends, write PREFIX.mid (chords, bebop and you on tracks of their own), PREFIX.musicxml and PREFIX.wav.")
    Path record;

    @Option(names = "--seconds", paramLabel = "N", description = "End after N seconds (default: play until Ctrl-C; --bench: 60).")
    Double seconds;

    @Option(names = "--soundfont", paramLabel = "F.sf2", description = "SoundFont for --out synth and the recording's WAV. Default: a system one, else the JDK's.")
    Path soundfont;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (list) {
            var devices = MidiPorts.list();
            if (devices.isEmpty()) {
                w.println("no MIDI devices");
            }
            devices.forEach(d -> w.println(d.line()));
            w.println("synth  (--out synth)                             the JDK synthesizer");
            return 0;
        }
        if (seconds != null && !(seconds > 0 && seconds <= 86_400)) {
            throw new UserError("--seconds " + seconds + ": must be above 0 and at most 86400");
        }
        if (soundfont != null && !Files.isRegularFile(soundfont)) {
            throw new UserError("--soundfont " + soundfont + ": no such file");
        }
        if (record != null && (bench || Files.isDirectory(record))) {
            throw new UserError(bench ? "--record goes with a live jam (--in KEYBOARD), not --bench: the benchmark's player "
                    + "is scripted" : "--record " + record + ": is a folder; give a file name prefix such as out/jam");
        }
        JamSettings settings = jamFlags.settings();
        JamSetup setup = JamSetup.of(model, chords, voicing == null ? null : ComposeRequest.voicing(voicing));
        if (bench) {
            return bench(w, setup, settings.withCountIn(settings.countInBars(), settings.metronome()));
        }
        if (in == null || out == null) {
            throw new UserError("jam: give --in KEYBOARD and --out DEVICE or --out synth (bebop jam --list shows the devices)");
        }
        LiveJam jam = LiveJam.open(setup, settings, in, out, Optional.ofNullable(soundfont));
        w.printf(Locale.ROOT, "jamming with %s over %s at %s bpm: %s%n", setup.model().description(), setup.progression(),
                bebop.app.Checks.number(settings.tempo()), settings.accompany() ? "bebop accompanies and answers when you rest a bar"
                        : "you call " + settings.callBars() + " bars, bebop answers " + settings.responseBars());
        w.println("keyboard: " + jam.input() + "; bebop plays on: " + jam.output());
        w.println(seconds == null ? "Ctrl-C ends the jam" : "the jam ends after " + bebop.app.Checks.number(seconds) + " s (or Ctrl-C)");
        w.flush();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            jam.requestStop();
            try {
                done.await(10, TimeUnit.MINUTES); // the files of a long session take a while (the WAV is rendered offline)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "jam-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            JamRecording rec = jam.run(seconds == null ? 0 : (long) (seconds * 1e9));
            w.printf(Locale.ROOT, "the jam is over: %d bars%n", rec.bars());
            if (record != null) {
                for (ScoreFiles.Written f : rec.write(record, Optional.ofNullable(soundfont))) {
                    w.println("wrote " + f.path());
                }
            }
            w.flush();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for us
            }
        }
        return 0;
    }

    private int bench(PrintWriter w, JamSetup setup, JamSettings settings) {
        double s = seconds == null ? 60 : seconds;
        w.printf(Locale.ROOT, "jam timing for %s s at %s bpm, trading %d/%d bars, into %s ...%n", bebop.app.Checks.number(s),
                bebop.app.Checks.number(settings.tempo()), settings.callBars(), settings.responseBars(),
                out == null ? MidiPorts.SYNTH : out);
        w.flush();
        JamBench.Report r = JamBench.run(setup, settings, s, out, Optional.ofNullable(soundfont));
        w.println("played into " + r.output());
        w.println(r.summary());
        return 0;
    }
}
