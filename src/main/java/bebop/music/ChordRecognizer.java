package bebop.music;

import java.util.List;

/**
 * Names the chord of a stretch of music from what sounds in it, by template matching after Pardo and
 * Birmingham (2002), "Algorithms for chordal analysis" (Computer Music Journal 26:2): every template
 * (a chord quality as intervals above a root) on every root is scored by the evidence for it, and the
 * best scoring one is the chord.
 *
 * <p>The evidence is a weight per pitch class, which the caller builds from the notes: how long each
 * note sounds, more on the beats than between them ({@link #metricWeight}), every note counted (a
 * doubled pitch class weighs twice), the melody and passing tones less ({@link #MELODY},
 * {@link #PASSING}); and a weight per pitch class of the bass (the lowest note sounding on each beat).
 * The score of a template on a root is Pardo and Birmingham's {@code P - (N + M)}: P the weight of
 * the notes that are template tones, N the weight of those that are not, M the template tones that
 * do not sound at all, each miss costing the mean weight of a sounding pitch class (a missing fifth
 * half that: jazz voicings leave it out), and the rarer templates a little more ({@link Template#rarity}).
 * To that the bass adds {@link #BASS_BONUS} mean weights times the share of the bass on the root (the
 * root in the bass is the strongest sign of it, the rule Pardo and Birmingham break ties with), half
 * that in a stretch that starts inside a bar. Consecutive stretches are labelled together
 * ({@link #recogniseAll}): a change of chord costs, more inside a bar than at a bar line. Ties go to
 * the template listed first, then to the lower root.
 *
 * <p>The templates are the chords of lead sheets whose core a typed symbol shares in the
 * {@link Voicing#CORE core} voicing: triads, sevenths, sixths, suspended chords, and ninths (a
 * rootless voicing holds the ninth). A chord is <em>recognised</em> when its tones carry more than
 * half of the weight; otherwise it is still named but marked not recognised.
 */
public final class ChordRecognizer {
    /** The weight of a step on the first beat of the stretch or the bar's middle. */
    public static final double STRONG = 2.0;
    /** The weight of a step on any other beat. */
    public static final double BEAT = 1.5;
    /** The weight of a step between beats. */
    public static final double OFFBEAT = 1.0;
    /** How much the melody's notes count beside the accompaniment's (melodies pass through many non-chord tones). */
    public static final double MELODY = 0.5;
    /** How much a passing tone counts (a short note leading by a half step into the next note of its part). */
    public static final double PASSING = 0.5;
    /** How much the root in the bass adds, in mean pitch-class weights. */
    public static final double BASS_BONUS = 3.0;
    /** What a change of chord where a bar starts costs, in mean pitch-class weights. */
    public static final double CHANGE_AT_BAR = 0.5;
    /** What a change of chord inside a bar costs, in mean pitch-class weights. */
    public static final double CHANGE_IN_BAR = 3.0;
    /** What the bass of a stretch that starts inside a bar counts, beside one that starts a bar (walking lines pass there). */
    public static final double MID_BAR_BASS = 0.5;
    /** The cost of the rarer templates (sixth chords), in mean weights. */
    public static final double RARE = 0.5;
    /** The share of the weight a chord's tones must carry (more than) to be recognised. */
    public static final double RECOGNISED = 0.5;

    /**
     * A chord quality: the suffix written after the root, the intervals above it, and what it costs
     * to choose it, in mean weights, over the commonest chords that hold the same notes (a C6 is an
     * Am7 with C in the bass, and lead sheets write Am7 far more often).
     */
    public record Template(String suffix, int[] intervals, double rarity) {
        public Template {
            intervals = intervals.clone();
        }

        Template(String suffix, int[] intervals) {
            this(suffix, intervals, 0);
        }

        public int mask(int root) {
            int m = 0;
            for (int i : intervals) {
                m |= 1 << Math.floorMod(root + i, 12);
            }
            return m;
        }
    }

    /** The templates, commonest first (the order breaks ties). */
    public static final List<Template> TEMPLATES = List.of(
            new Template("", new int[] {0, 4, 7}),
            new Template("7", new int[] {0, 4, 7, 10}),
            new Template("m", new int[] {0, 3, 7}),
            new Template("m7", new int[] {0, 3, 7, 10}),
            new Template("maj7", new int[] {0, 4, 7, 11}),
            new Template("dim7", new int[] {0, 3, 6, 9}),
            new Template("m7b5", new int[] {0, 3, 6, 10}),
            new Template("6", new int[] {0, 4, 7, 9}, RARE),
            new Template("m6", new int[] {0, 3, 7, 9}, RARE),
            new Template("dim", new int[] {0, 3, 6}),
            new Template("aug", new int[] {0, 4, 8}),
            new Template("7sus4", new int[] {0, 5, 7, 10}),
            new Template("sus4", new int[] {0, 5, 7}),
            new Template("mMaj7", new int[] {0, 3, 7, 11}),
            new Template("7#5", new int[] {0, 4, 8, 10}),
            new Template("9", new int[] {0, 4, 7, 10, 2}),
            new Template("m9", new int[] {0, 3, 7, 10, 2}),
            new Template("maj9", new int[] {0, 4, 7, 11, 2}),
            new Template("7b9", new int[] {0, 4, 7, 10, 1}),
            new Template("6/9", new int[] {0, 4, 7, 9, 2}, RARE));

    /**
     * The chord found: its name (N.C. when nothing sounds), its score, the share of the weight its
     * tones explain, and whether it is recognised (a positive score).
     */
    public record Match(ChordName chord, double score, double explained, boolean recognised) {
        /** The symbol: the chord's, "N.C." for silence. */
        public String symbol() {
            return chord.symbol();
        }

        /** The chord's pitch classes as a 12-bit set (bit 0 = C), 0 for N.C. */
        public int pitchClasses() {
            int m = 0;
            for (int pc : chord.pitchClasses()) {
                m |= 1 << pc;
            }
            return m;
        }
    }

    private ChordRecognizer() {}

    /** The weight of a step at {@code step} steps into its bar, {@code stepsPerBeat} steps a beat, beats a bar. */
    public static double metricWeight(int stepInBar, int stepsPerBeat, int stepsPerBar) {
        if (stepInBar % stepsPerBeat != 0) {
            return OFFBEAT;
        }
        int beat = stepInBar / stepsPerBeat;
        int beats = Math.max(1, stepsPerBar / stepsPerBeat);
        return beat == 0 || (beats % 2 == 0 && beat == beats / 2) ? STRONG : BEAT;
    }

    /**
     * The best chord for the evidence of one stretch alone.
     *
     * @param weight the weight of each pitch class (12 values, C first)
     * @param bass the weight of each pitch class in the bass (12 values; all 0 when unknown)
     */
    public static Match recognise(double[] weight, double[] bass) {
        return recogniseAll(new double[][] {weight}, new double[][] {bass}, new boolean[] {true}).get(0);
    }

    /**
     * The chords of consecutive stretches (half bars), chosen together: each stretch's template scores,
     * less a cost for every change of chord ({@link #CHANGE_AT_BAR} mean weights where a bar starts,
     * {@link #CHANGE_IN_BAR} inside a bar), the best path through them (Viterbi). A chord that goes on
     * through a bar is read as one chord even where its second half alone looks like another (a
     * rootless C7 voicing over a walking bass is E G Bb D, an Em7b5); a change in the bar needs
     * evidence. Silent stretches are N.C. and break the path.
     *
     * @param weight per stretch, the weight of each pitch class
     * @param bass per stretch, the weight of each pitch class in the bass
     * @param barStart per stretch, whether it starts a bar
     */
    public static List<Match> recogniseAll(double[][] weight, double[][] bass, boolean[] barStart) {
        int n = weight.length;
        double[][] score = new double[n][];
        double[] unit = new double[n];
        for (int h = 0; h < n; h++) {
            if (weight[h].length != 12 || bass[h].length != 12) {
                throw new IllegalArgumentException("weights and bass need 12 pitch classes");
            }
            double total = 0;
            int present = 0;
            for (double w : weight[h]) {
                total += w;
                present += w > 0 ? 1 : 0;
            }
            unit[h] = present == 0 ? 0 : total / present;
            score[h] = present == 0 ? null : scores(weight[h], bass[h], unit[h], unit[h] * (barStart[h] ? 1 : MID_BAR_BASS));
        }
        Match[] out = new Match[n];
        int a = 0;
        while (a < n) {
            if (score[a] == null) {
                out[a++] = new Match(ChordName.noChord(null), 0, 0, false);
                continue;
            }
            int b = a;
            while (b < n && score[b] != null) {
                b++;
            }
            int[] path = viterbi(score, unit, barStart, a, b);
            for (int h = a; h < b; h++) {
                out[h] = match(path[h - a], score[h][path[h - a]], weight[h]);
            }
            a = b;
        }
        return List.of(out);
    }

    /** The best path of states through stretches a..b-1 (all sounding). */
    private static int[] viterbi(double[][] score, double[] unit, boolean[] barStart, int a, int b) {
        int states = TEMPLATES.size() * 12;
        int[][] from = new int[b - a][states];
        double[] best = score[a].clone();
        double[] next = new double[states];
        for (int h = a + 1; h < b; h++) {
            double cost = (barStart[h] ? CHANGE_AT_BAR : CHANGE_IN_BAR) * unit[h];
            int arg = argmax(best);
            for (int s = 0; s < states; s++) {
                double move = best[arg] - cost;
                if (best[s] >= move) {
                    next[s] = best[s] + score[h][s];
                    from[h - a][s] = s;
                } else {
                    next[s] = move + score[h][s];
                    from[h - a][s] = arg;
                }
            }
            System.arraycopy(next, 0, best, 0, states);
        }
        int[] path = new int[b - a];
        int state = argmax(best);
        for (int h = b - 1; h >= a; h--) {
            path[h - a] = state;
            state = from[h - a][state];
        }
        return path;
    }

    private static int argmax(double[] v) {
        int arg = 0;
        for (int s = 1; s < v.length; s++) {
            if (v[s] > v[arg] + 1e-9) {
                arg = s;
            }
        }
        return arg;
    }

    /** The score of every template (outer) on every root (inner), as the class comment says. */
    private static double[] scores(double[] weight, double[] bass, double unit, double bassUnit) {
        double total = 0;
        double bassTotal = 0;
        for (int pc = 0; pc < 12; pc++) {
            total += weight[pc];
            bassTotal += bass[pc];
        }
        double[] out = new double[TEMPLATES.size() * 12];
        for (int k = 0; k < TEMPLATES.size(); k++) {
            for (int root = 0; root < 12; root++) {
                double p = 0;
                double misses = 0;
                for (int i : TEMPLATES.get(k).intervals()) {
                    int pc = Math.floorMod(root + i, 12);
                    p += weight[pc];
                    if (weight[pc] <= 0) {
                        misses += i == 7 ? 0.5 : 1.0;
                    }
                }
                double score = p - (total - p) - (misses + TEMPLATES.get(k).rarity()) * unit;
                if (bassTotal > 0) {
                    score += BASS_BONUS * bassUnit * bass[root] / bassTotal;
                }
                out[k * 12 + root] = score;
            }
        }
        return out;
    }

    private static Match match(int state, double score, double[] weight) {
        Template t = TEMPLATES.get(state / 12);
        int root = state % 12;
        double total = 0;
        double p = 0;
        int mask = t.mask(root);
        for (int pc = 0; pc < 12; pc++) {
            total += weight[pc];
            p += (mask & (1 << pc)) != 0 ? weight[pc] : 0;
        }
        double explained = p / total;
        return new Match(ChordName.parse(Pitch.className(root) + t.suffix()), score, explained, explained > RECOGNISED);
    }
}
