package bebop.bench;

import bebop.nn.Arithmetic;
import bebop.nn.modern.Adam;
import bebop.nn.modern.LstmStack;
import bebop.nn.modern.LstmStackConfig;
import bebop.nn.modern.LstmUnroll;
import bebop.nn.modern.Rng;
import bebop.nn.modern.Team;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Training throughput of the modern LSTM in the shapes of the PyTorch peer benchmark
 * ({@code shared/bench/torch_lstm_bench.py}): 96-step sequences of binary frames (20 % ones), one
 * LSTM layer, an update (clip + Adam) after each 96-step window; {@code bebop bench} reports it
 * for batch 1 and batch 32 on one thread, and batch 32 on two ({@link EngineBench#bptt}).
 */
public final class ModernThroughput {
    private ModernThroughput() {}

    /**
     * Steps per second of training one LSTM layer of this shape, batch x 96-step windows per Adam
     * update, each window shared by {@code threads} threads.
     */
    public static double measure(int inputs, int hidden, int batch, double seconds, int threads) {
        try (Team team = new Team(threads)) {
            return measure(inputs, hidden, batch, seconds, team);
        }
    }

    private static double measure(int inputs, int hidden, int batch, double seconds, Team team) {
        int window = 96;
        LstmStack net = LstmStack.create(new LstmStackConfig(inputs, List.of(hidden), inputs), new Rng(1));
        LstmUnroll u = new LstmUnroll(net, window, batch, Arithmetic.DEFAULT, team);
        Random r = new Random(1);
        for (int i = 0; i < u.x.length; i++) {
            u.x[i] = r.nextDouble() < 0.2 ? 1f : 0f;
        }
        for (int i = 0; i < u.y.length; i++) {
            u.y[i] = r.nextDouble() < 0.2 ? 1f : 0f;
        }
        Arrays.fill(u.valid, 1f);
        Adam adam = Adam.standard(net.parameterCount());
        Rng rng = new Rng(2);
        long steps = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < seconds * 1e9) {
            u.zeroGradient();
            u.forward(true, 0f, rng);
            u.backward();
            Adam.clipNorm(u.gradient(), 1, team);
            adam.step(net.liveParameters(), u.gradient(), 1e-3, team);
            u.carry();
            steps += (long) window * batch;
        }
        return steps / ((System.nanoTime() - t0) / 1e9);
    }
}
