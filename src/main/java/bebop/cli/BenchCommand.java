package bebop.cli;

import bebop.app.BenchService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bebop bench}: time steps per second of the numerical engine, single-threaded. */
@Command(name = "bench",
        header = "Measure the engine's speed in steps per second, with the PyTorch peer's keys.",
        description = {
            "Measure the engine's speed in time steps per second on one thread, with the workloads and "
                    + "JSON keys of the PyTorch peer benchmark (shared/bench/torch_lstm_bench.py), so that "
                    + "scripts/bench-vs-torch.sh can put the two side by side.",
            "",
            "online_steps_per_s: online training (the paper's truncated RTRL, one weight change per step) "
                    + "of a standard LSTM of the peer's shape: --hidden blocks of one cell, fully connected, "
                    + "no peepholes, outputs fed by the cells and the inputs, on random binary 96-step frames.",
            "generate_steps_per_s: free-running generation of that network, outputs thresholded at 0.5 "
                    + "and fed back.",
            "forward_steps_per_s: the forward step alone (inference).",
            "online_float_steps_per_s, generate_float_steps_per_s: the same online training and generation in "
                    + "floats (weights, momentum terms and traces; the double path is every command's and every "
                    + "documented result's), against the peer's float32 keys in scripts/bench-vs-torch.sh.",
            "paper_exp2_online_steps_per_s, paper_exp2_generate_steps_per_s: the same for the paper's "
                    + "Experiment 2 network (25 units, 8 blocks of 2 cells, peepholes, chord/melody masks).",
            "paper_exp1_online_steps_per_s, paper_exp1_dekf_steps_per_s, paper_exp2_dekf_steps_per_s: online "
                    + "training of the paper's networks by momentum SGD and by the decoupled extended Kalman filter "
                    + "(--learner dekf) on the same truncated derivatives.",
            "bptt_batch1_steps_per_s, bptt_batch32_steps_per_s: the modern trainer (one float LSTM layer, "
                    + "an Adam update per 96-step window of 1 or 32 sequences); bptt_batch32_2threads_steps_per_s: "
                    + "batch 32 with each window shared by two threads (every other key is one thread).",
            "Each measurement runs untimed for --warmup seconds (the JIT compiles the kernels), and on while "
                    + "the compilers are still busy or the rate still rising (one-thread keys, at most 10x --warmup), "
                    + "before it is timed for --seconds; the default run takes about 85 s on one core."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--inputs", paramLabel = "N", description = "Input (and output) units of the standard LSTM (default: ${DEFAULT-VALUE}).")
    int inputs = 25;

    @Option(names = "--hidden", paramLabel = "H", description = "Hidden units (blocks of one cell) of the standard LSTM (default: ${DEFAULT-VALUE}).")
    int hidden = 16;

    @Option(names = "--seconds", paramLabel = "S", description = "Timed seconds per measurement (default: ${DEFAULT-VALUE}).")
    double seconds = 3;

    @Option(names = "--warmup", paramLabel = "S", description = "Untimed seconds before each measurement (default: ${DEFAULT-VALUE}).")
    double warmup = 2;

    @Option(names = "--profile", description = "Instead of the steps per second: where the time of an online SGD "
            + "step goes for the paper's Experiment 1 and 2 nets (forward pass, output layer, gate factors and "
            + "peepholes, the gate and cell traces and updates) and of a free-running step of the Experiment 2 net "
            + "(feedback, gate products, cells, output layer), each part timed as a prefix of the step.")
    boolean profile;

    @Spec
    CommandSpec spec;

    private static final String[][] ROWS = {
        {"online_steps_per_s", "online training, standard LSTM (peer's shape)"},
        {"generate_steps_per_s", "free-running generation, standard LSTM"},
        {"forward_steps_per_s", "forward step (inference), standard LSTM"},
        {"online_float_steps_per_s", "online training in floats, standard LSTM"},
        {"generate_float_steps_per_s", "free-running generation in floats, standard LSTM"},
        {"paper_exp2_online_steps_per_s", "online training, paper's Experiment 2 net"},
        {"paper_exp2_generate_steps_per_s", "free-running generation, Experiment 2 net"},
        {"paper_exp2_generate_batch32_steps_per_s", "32 free runs in one pass, Experiment 2 net (all steps)"},
        {"paper_exp1_online_steps_per_s", "online SGD, paper's Experiment 1 net"},
        {"paper_exp1_dekf_steps_per_s", "online DEKF (Kalman filter), Experiment 1 net"},
        {"paper_exp2_dekf_steps_per_s", "online DEKF (Kalman filter), Experiment 2 net"},
        {"bptt_batch1_steps_per_s", "minibatch BPTT, batch 1 (modern trainer)"},
        {"bptt_batch32_steps_per_s", "minibatch BPTT, batch 32 (modern trainer)"},
        {"bptt_batch32_2threads_steps_per_s", "minibatch BPTT, batch 32, two threads"},
    };

    @Override
    public Integer call() throws Exception {
        if (profile) {
            return profile();
        }
        Map<String, Object> r = BenchService.engine(inputs, hidden, warmup, seconds);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(r));
        } else {
            out.printf(Locale.ROOT, "bebop bench: %s, Java %s, one thread, %.1f s per measurement after %.1f s warm-up%n",
                    r.get("engine"), r.get("java"), seconds, warmup);
            out.printf(Locale.ROOT, "standard LSTM: %d inputs, %d hidden, %s weights; Experiment 2 net: %s weights%n",
                    inputs, hidden, r.get("weights"), r.get("paper_exp2_weights"));
            for (String[] row : ROWS) {
                out.printf(Locale.ROOT, "%-32s %,14d  %s%n", row[0], ((Number) r.get(row[0])).longValue(), row[1]);
            }
        }
        out.flush();
        return 0;
    }

    private int profile() throws Exception {
        Map<String, Map<String, Double>> r = BenchService.profile(warmup, seconds);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(r));
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "bebop bench --profile: online SGD and free-running steps, one thread, %.1f s per part "
                + "after %.1f s warm-up (each part timed as the step cut after it, minus the step cut before it)%n",
                seconds, warmup);
        for (Map.Entry<String, Map<String, Double>> net : r.entrySet()) {
            double step = net.getValue().get("step");
            out.printf(Locale.ROOT, "%s: %.0f ns a step (%,.0f steps/s)%n", net.getKey(), step, 1e9 / step);
            for (Map.Entry<String, Double> part : net.getValue().entrySet()) {
                if (!part.getKey().equals("step")) {
                    out.printf(Locale.ROOT, "  %5.1f%%  %6.0f ns  %s%n", 100 * part.getValue() / step, part.getValue(),
                            part.getKey());
                }
            }
        }
        out.flush();
        return 0;
    }
}
