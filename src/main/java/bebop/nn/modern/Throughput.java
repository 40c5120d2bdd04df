package bebop.nn.modern;

import java.util.Locale;
import java.util.Random;

/**
 * Measures training throughput of the modern LSTM in the shapes of the PyTorch peer benchmark
 * ({@code bench/torch_lstm_bench.py}): 96-step sequences of binary frames (20 % ones), one LSTM
 * layer, an update (clip + Adam) after each 96-step window, batch 1 and batch 32. Prints one JSON
 * line of time steps per second (sequence steps: batch x window per update). A measuring tool, run
 * by hand: {@code java -cp target/classes bebop.nn.modern.Throughput [inputs hidden seconds]}.
 */
public final class Throughput {
    private Throughput() {}

    public static void main(String[] args) {
        int inputs = args.length > 0 ? Integer.parseInt(args[0]) : 88;
        int hidden = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        measure(inputs, hidden, 1, seconds); // warm-up
        long b1 = Math.round(measure(inputs, hidden, 1, seconds));
        long b32 = Math.round(measure(inputs, hidden, 32, seconds));
        System.out.printf(Locale.ROOT, "{\"engine\": \"bebop modern (float, JIT)\", \"inputs\": %d, \"hidden\": %d, "
                + "\"bptt_batch1_steps_per_s\": %d, \"bptt_batch32_steps_per_s\": %d}%n", inputs, hidden, b1, b32);
    }

    /** Steps per second of training one LSTM layer of this shape, batch x 96-step windows per Adam update. */
    public static double measure(int inputs, int hidden, int batch, double seconds) {
        int window = 96;
        LstmStack net = LstmStack.create(new LstmStackConfig(inputs, java.util.List.of(hidden), inputs), new Rng(1));
        LstmUnroll u = new LstmUnroll(net, window, batch);
        Random r = new Random(1);
        for (int i = 0; i < u.x.length; i++) {
            u.x[i] = r.nextDouble() < 0.2 ? 1f : 0f;
        }
        for (int i = 0; i < u.y.length; i++) {
            u.y[i] = r.nextDouble() < 0.2 ? 1f : 0f;
        }
        java.util.Arrays.fill(u.valid, 1f);
        Adam adam = Adam.standard(net.parameterCount());
        Rng rng = new Rng(2);
        long steps = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < seconds * 1e9) {
            u.zeroGradient();
            u.forward(true, 0f, rng);
            u.backward();
            Adam.clipNorm(u.gradient(), 1);
            adam.step(net.liveParameters(), u.gradient(), 1e-3);
            u.carry();
            steps += (long) window * batch;
        }
        return steps / ((System.nanoTime() - t0) / 1e9);
    }
}
