package bebop.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive second implementation of the paper's online LSTM learning rule, written
 * straight from the equations (Gers, Schmidhuber and Cummins 2000 with peepholes), sharing no
 * code with the main sources: every weight is a named entry in a map, every trace a map entry
 * per (cell, weight), loops go weight by weight. Only the conversion to and from the main
 * code's named arrays follows the layout documented in {@link LstmNetwork}.
 */
final class NaiveTruncatedLstm {
    private final LstmConfig cfg;
    private final int cellsPerBlock;
    /** Weight name -> value, e.g. "cell/2/1/x3", "in/2/c5", "fg/0/bias", "pin/3", "out/1/c4". */
    final Map<String, Double> w = new LinkedHashMap<>();
    private final Map<String, Double> velocity = new HashMap<>();
    /** "c/weightName" -> d s_c / d weight (truncated). */
    private final Map<String, Double> trace = new HashMap<>();
    final Map<String, Double> gradient = new LinkedHashMap<>();
    private double[] s;
    private double[] yc;
    double[] y;

    NaiveTruncatedLstm(LstmConfig cfg, Map<String, double[]> arrays) {
        this.cfg = cfg;
        this.cellsPerBlock = cfg.cellsPerBlock();
        int cells = cfg.blocks() * cellsPerBlock;
        s = new double[cells];
        yc = new double[cells];
        // Unpack the documented layout.
        int ci = 0;
        int gi = 0;
        for (int j = 0; j < cfg.blocks(); j++) {
            List<String> src = blockSources(j);
            for (int v = 0; v < cellsPerBlock; v++) {
                for (String m : src) {
                    w.put("cell/" + j + "/" + v + "/" + m, arrays.get("cell.weights")[ci++]);
                }
            }
            for (String m : src) {
                w.put("in/" + j + "/" + m, arrays.get("inputGate.weights")[gi]);
                w.put("fg/" + j + "/" + m, arrays.get("forgetGate.weights")[gi]);
                w.put("og/" + j + "/" + m, arrays.get("outputGate.weights")[gi]);
                gi++;
            }
        }
        if (cfg.peepholes()) {
            for (int c = 0; c < cells; c++) {
                w.put("pin/" + c, arrays.get("inputGate.peepholes")[c]);
                w.put("pfg/" + c, arrays.get("forgetGate.peepholes")[c]);
                w.put("pog/" + c, arrays.get("outputGate.peepholes")[c]);
            }
        }
        int oi = 0;
        for (int k = 0; k < cfg.outputs(); k++) {
            for (String m : outputSources(k)) {
                w.put("out/" + k + "/" + m, arrays.get("output.weights")[oi++]);
            }
        }
        for (String key : w.keySet()) {
            velocity.put(key, 0.0);
        }
    }

    List<String> blockSources(int j) {
        List<String> src = new ArrayList<>();
        for (int m = 0; m < cfg.inputs(); m++) {
            if (cfg.inputToBlock()[j][m]) {
                src.add("x" + m);
            }
        }
        for (int b = 0; b < cfg.blocks(); b++) {
            if (cfg.blockToBlock()[j][b]) {
                for (int v = 0; v < cellsPerBlock; v++) {
                    src.add("c" + (b * cellsPerBlock + v));
                }
            }
        }
        src.add("bias");
        return src;
    }

    List<String> outputSources(int k) {
        List<String> src = new ArrayList<>();
        for (int c = 0; c < cfg.blocks() * cellsPerBlock; c++) {
            if (cfg.cellToOutput()[k][c]) {
                src.add("c" + c);
            }
        }
        for (int m = 0; m < cfg.inputs(); m++) {
            if (cfg.inputToOutput()[k][m]) {
                src.add("x" + m);
            }
        }
        src.add("bias");
        return src;
    }

    /** The gradient (or weights) packed back into the documented named arrays. */
    Map<String, double[]> pack(Map<String, Double> values) {
        List<Double> cell = new ArrayList<>();
        List<Double> in = new ArrayList<>();
        List<Double> fg = new ArrayList<>();
        List<Double> og = new ArrayList<>();
        for (int j = 0; j < cfg.blocks(); j++) {
            List<String> src = blockSources(j);
            for (int v = 0; v < cellsPerBlock; v++) {
                for (String m : src) {
                    cell.add(values.getOrDefault("cell/" + j + "/" + v + "/" + m, 0.0));
                }
            }
            for (String m : src) {
                in.add(values.getOrDefault("in/" + j + "/" + m, 0.0));
                fg.add(values.getOrDefault("fg/" + j + "/" + m, 0.0));
                og.add(values.getOrDefault("og/" + j + "/" + m, 0.0));
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put("cell.weights", toArray(cell));
        out.put("inputGate.weights", toArray(in));
        out.put("forgetGate.weights", toArray(fg));
        out.put("outputGate.weights", toArray(og));
        if (cfg.peepholes()) {
            List<Double> pi = new ArrayList<>();
            List<Double> pf = new ArrayList<>();
            List<Double> po = new ArrayList<>();
            for (int c = 0; c < cfg.blocks() * cellsPerBlock; c++) {
                pi.add(values.getOrDefault("pin/" + c, 0.0));
                pf.add(values.getOrDefault("pfg/" + c, 0.0));
                po.add(values.getOrDefault("pog/" + c, 0.0));
            }
            out.put("inputGate.peepholes", toArray(pi));
            out.put("forgetGate.peepholes", toArray(pf));
            out.put("outputGate.peepholes", toArray(po));
        }
        List<Double> o = new ArrayList<>();
        for (int k = 0; k < cfg.outputs(); k++) {
            for (String m : outputSources(k)) {
                o.add(values.getOrDefault("out/" + k + "/" + m, 0.0));
            }
        }
        out.put("output.weights", toArray(o));
        return out;
    }

    private static double[] toArray(List<Double> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    private static double sigma(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Cell input squashing: 4 sigma - 2, or the identity. */
    private double g(double x) {
        return cfg.cellInput() == Squash.IDENTITY ? x : 4 * sigma(x) - 2;
    }

    private double gPrime(double x) {
        return cfg.cellInput() == Squash.IDENTITY ? 1 : 4 * sigma(x) * (1 - sigma(x));
    }

    /** Cell output squashing: 2 sigma - 1, or the identity. */
    private double h(double x) {
        return cfg.cellOutput() == Squash.IDENTITY ? x : 2 * sigma(x) - 1;
    }

    private double hPrime(double x) {
        return cfg.cellOutput() == Squash.IDENTITY ? 1 : 2 * sigma(x) * (1 - sigma(x));
    }

    /** One online step: forward, truncated gradient into {@link #gradient}, momentum update. */
    void step(double[] x, double[] target, double lr, double mu) {
        int cells = cfg.blocks() * cellsPerBlock;
        double[] sPrev = s.clone();
        double[] ycPrev = yc.clone();
        s = new double[cells];
        yc = new double[cells];
        Map<String, Double> val = new HashMap<>();
        for (int m = 0; m < cfg.inputs(); m++) {
            val.put("x" + m, x[m]);
        }
        for (int c = 0; c < cells; c++) {
            val.put("c" + c, ycPrev[c]);
        }
        val.put("bias", 1.0);

        double[] yIn = new double[cfg.blocks()];
        double[] yFg = new double[cfg.blocks()];
        double[] yOg = new double[cfg.blocks()];
        double[] netIn = new double[cfg.blocks()];
        double[] netFg = new double[cfg.blocks()];
        double[] netOg = new double[cfg.blocks()];
        double[] netC = new double[cells];
        for (int j = 0; j < cfg.blocks(); j++) {
            for (String m : blockSources(j)) {
                netIn[j] += w.get("in/" + j + "/" + m) * val.get(m);
                netFg[j] += w.get("fg/" + j + "/" + m) * val.get(m);
            }
            if (cfg.peepholes()) {
                for (int v = 0; v < cellsPerBlock; v++) {
                    int c = j * cellsPerBlock + v;
                    netIn[j] += w.get("pin/" + c) * sPrev[c];
                    netFg[j] += w.get("pfg/" + c) * sPrev[c];
                }
            }
            yIn[j] = sigma(netIn[j]);
            yFg[j] = sigma(netFg[j]);
            for (int v = 0; v < cellsPerBlock; v++) {
                int c = j * cellsPerBlock + v;
                for (String m : blockSources(j)) {
                    netC[c] += w.get("cell/" + j + "/" + v + "/" + m) * val.get(m);
                }
                s[c] = yFg[j] * sPrev[c] + yIn[j] * g(netC[c]);
            }
            for (String m : blockSources(j)) {
                netOg[j] += w.get("og/" + j + "/" + m) * val.get(m);
            }
            if (cfg.peepholes()) {
                for (int v = 0; v < cellsPerBlock; v++) {
                    int c = j * cellsPerBlock + v;
                    netOg[j] += w.get("pog/" + c) * s[c];
                }
            }
            yOg[j] = sigma(netOg[j]);
            for (int v = 0; v < cellsPerBlock; v++) {
                int c = j * cellsPerBlock + v;
                yc[c] = yOg[j] * h(s[c]);
            }
        }
        Map<String, Double> cur = new HashMap<>(val);
        for (int c = 0; c < cells; c++) {
            cur.put("c" + c, yc[c]);
        }
        y = new double[cfg.outputs()];
        for (int k = 0; k < cfg.outputs(); k++) {
            double net = 0;
            for (String m : outputSources(k)) {
                net += w.get("out/" + k + "/" + m) * cur.get(m);
            }
            y[k] = sigma(net);
        }

        // Traces, weight by weight.
        for (int j = 0; j < cfg.blocks(); j++) {
            double dIn = yIn[j] * (1 - yIn[j]);
            double dFg = yFg[j] * (1 - yFg[j]);
            for (int v = 0; v < cellsPerBlock; v++) {
                int c = j * cellsPerBlock + v;
                double g = g(netC[c]);
                double gPrime = gPrime(netC[c]);
                for (String m : blockSources(j)) {
                    String kc = c + "/cell/" + j + "/" + v + "/" + m;
                    trace.put(kc, trace.getOrDefault(kc, 0.0) * yFg[j] + gPrime * yIn[j] * val.get(m));
                    String ki = c + "/in/" + j + "/" + m;
                    trace.put(ki, trace.getOrDefault(ki, 0.0) * yFg[j] + g * dIn * val.get(m));
                    String kf = c + "/fg/" + j + "/" + m;
                    trace.put(kf, trace.getOrDefault(kf, 0.0) * yFg[j] + sPrev[c] * dFg * val.get(m));
                }
                if (cfg.peepholes()) {
                    for (int v2 = 0; v2 < cellsPerBlock; v2++) {
                        int c2 = j * cellsPerBlock + v2;
                        String ki = c + "/pin/" + c2;
                        trace.put(ki, trace.getOrDefault(ki, 0.0) * yFg[j] + g * dIn * sPrev[c2]);
                        String kf = c + "/pfg/" + c2;
                        trace.put(kf, trace.getOrDefault(kf, 0.0) * yFg[j] + sPrev[c] * dFg * sPrev[c2]);
                    }
                }
            }
        }

        // Gradient dE/dw (truncated), weight by weight.
        gradient.clear();
        double[] delta = new double[cfg.outputs()];
        double[] e = new double[cells];
        for (int k = 0; k < cfg.outputs(); k++) {
            delta[k] = y[k] - target[k];
            for (String m : outputSources(k)) {
                gradient.put("out/" + k + "/" + m, delta[k] * cur.get(m));
                if (m.startsWith("c")) {
                    e[Integer.parseInt(m.substring(1))] += w.get("out/" + k + "/" + m) * delta[k];
                }
            }
        }
        for (int j = 0; j < cfg.blocks(); j++) {
            double sum = 0;
            double[] es = new double[cellsPerBlock];
            for (int v = 0; v < cellsPerBlock; v++) {
                int c = j * cellsPerBlock + v;
                sum += h(s[c]) * e[c];
                es[v] = yOg[j] * hPrime(s[c]) * e[c];
            }
            double dOut = yOg[j] * (1 - yOg[j]) * sum;
            for (String m : blockSources(j)) {
                gradient.put("og/" + j + "/" + m, dOut * val.get(m));
                double gi = 0;
                double gf = 0;
                for (int v = 0; v < cellsPerBlock; v++) {
                    int c = j * cellsPerBlock + v;
                    gradient.put("cell/" + j + "/" + v + "/" + m,
                            es[v] * trace.get(c + "/cell/" + j + "/" + v + "/" + m));
                    gi += es[v] * trace.get(c + "/in/" + j + "/" + m);
                    gf += es[v] * trace.get(c + "/fg/" + j + "/" + m);
                }
                gradient.put("in/" + j + "/" + m, gi);
                gradient.put("fg/" + j + "/" + m, gf);
            }
            if (cfg.peepholes()) {
                for (int v2 = 0; v2 < cellsPerBlock; v2++) {
                    int c2 = j * cellsPerBlock + v2;
                    gradient.put("pog/" + c2, dOut * s[c2]);
                    double gi = 0;
                    double gf = 0;
                    for (int v = 0; v < cellsPerBlock; v++) {
                        int c = j * cellsPerBlock + v;
                        gi += es[v] * trace.get(c + "/pin/" + c2);
                        gf += es[v] * trace.get(c + "/pfg/" + c2);
                    }
                    gradient.put("pin/" + c2, gi);
                    gradient.put("pfg/" + c2, gf);
                }
            }
        }

        // Plaut momentum.
        for (String key : w.keySet()) {
            double d = mu * velocity.get(key) - lr * gradient.get(key);
            velocity.put(key, d);
            w.put(key, w.get(key) + d);
        }
    }

    /** Zero states and traces (weights and momentum stay). */
    void reset() {
        s = new double[s.length];
        yc = new double[yc.length];
        trace.clear();
    }
}
