package bebop.io.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.music.Progression;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * iReal Pro links written by the test from the published format description (iReal Pro's "file format"
 * page and the open readers that document the irealb scrambling): plain irealbook links, scrambled
 * irealb links, playlists, and the chord string's bar lines, repeats, endings, repeat signs and N.C.
 */
class IRealProTest {
    /** Percent-encoding as iReal Pro writes links (spaces as %20, '+' kept as %2B). */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The scrambling, written here from its description (not with bebop's code): the chord string in
     * blocks of 50 characters, each block followed by at least 2 more characters has characters 0-4 swapped
     * with 49-45 and 10-23 with 39-26.
     */
    private static String scrambled(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (s.length() - i > 50) {
            char[] b = s.substring(i, i + 50).toCharArray();
            i += 50;
            if (s.length() - i >= 2) {
                for (int k : new int[] {0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}) {
                    char t = b[k];
                    b[k] = b[49 - k];
                    b[49 - k] = t;
                }
            }
            out.append(b);
        }
        return out.append(s.substring(i)).toString();
    }

    private static String bars(IRealPro.Tune t) {
        return Progression.parse(t.chart()).toString();
    }

    static final String BLUES = "[T44F7XyQ|Bb7XyQ|F7XyQ|F7XyQ|Bb7XyQ|Bo7XyQ|F7/CXyQ|D7b9XyQ|G-7XyQ|C7altXyQ|F7 D7b9 G-7 C7|G-7 C7susZ";
    static final String BLUES_BARS = "| F7 | Bb7 | F7 | F7 | Bb7 | Bo7 | F7/C | D7b9 | G-7 | C7alt | F7 D7b9 G-7 C7 | G-7 C7sus |";

    @Test
    void aPlainIrealbookLinkGivesItsBarsAndFields() {
        String link = "irealbook://" + encode("Blues for Test=Doe John=Medium Swing=F=n=" + BLUES);
        List<IRealPro.Tune> tunes = IRealPro.read(link);
        assertEquals(1, tunes.size());
        IRealPro.Tune t = tunes.get(0);
        assertEquals("Blues for Test", t.title());
        assertEquals("Doe John", t.composer());
        assertEquals("Medium Swing", t.style());
        assertEquals("F", t.key());
        assertEquals(BLUES_BARS, bars(t));
    }

    @Test
    void aScrambledIrealbLinkIsUnscrambled() {
        assertTrue(BLUES.length() > 52, "long enough for a scrambled block");
        assertTrue(!scrambled(BLUES).startsWith(BLUES.substring(0, 5)), "scrambled");
        String song = "Blues for Test=Doe John==Medium Swing=F==" + IRealPro.MUSIC_PREFIX + scrambled(BLUES) + "=Jazz-Medium Swing=160=3===";
        String link = "irealb://" + encode(song);
        IRealPro.Tune t = IRealPro.read("<a href=\"" + link + "\">Blues</a>").get(0);
        assertEquals("Blues for Test", t.title());
        assertEquals("F", t.key());
        assertEquals(BLUES_BARS, bars(t));
        assertEquals(BLUES, IRealPro.unscramble(scrambled(BLUES)));
    }

    @Test
    void aPlaylistHoldsManyTunesPickedByNumberOrTitle() {
        String waltz = "{*AT34Bb^7XyQ|D7#5XyQ|Eb^7XyQ|G7XyQ|C-7XyQ|F7XyQ}";
        String minor = "[T44C-7XyQ|F-7XyQ|C-7XyQ|C-7XyQ|F-7XyQ|F-7XyQ|C-7XyQ|C-7XyQ|Ab7XyQ|G7altXyQ|C-7XyQ|Dh7 G7b9Z";
        String playlist = "Blues for Test=Doe John==Medium Swing=F==" + IRealPro.MUSIC_PREFIX + scrambled(BLUES) + "=Jazz=160=3==="
                + "Someday Waltz=Roe Jane==Waltz=Bb==" + IRealPro.MUSIC_PREFIX + scrambled(waltz) + "=Jazz=140=1==="
                + "Minor Blues=Poe Al==Medium Swing=C-=5=" + IRealPro.MUSIC_PREFIX + scrambled(minor) + "=Jazz=180=1==="
                + "My Jazz Tunes";
        List<IRealPro.Tune> tunes = IRealPro.read("irealb://" + encode(playlist));
        assertEquals(List.of("Blues for Test", "Someday Waltz", "Minor Blues"), tunes.stream().map(IRealPro.Tune::title).toList());
        IRealPro.Tune w = IRealPro.pick(tunes, "2");
        assertEquals("3/4 | Bbmaj7 | D7#5 | Ebmaj7 | G7 | Cm7 | F7 | Bbmaj7 | D7#5 | Ebmaj7 | G7 | Cm7 | F7 |",
                Progression.parse(w.chart()).toString().replace("^7", "maj7").replace("-7", "m7"));
        IRealPro.Tune m = IRealPro.pick(tunes, "minor blues");
        assertEquals("C-", m.key()); // the field after the key is a transposition (5), not the key
        assertEquals("| C-7 | F-7 | C-7 | C-7 | F-7 | F-7 | C-7 | C-7 | Ab7 | G7alt | C-7 | Dø7 G7b9 |", bars(m));
        assertEquals("Someday Waltz", IRealPro.pick(tunes, "some").title());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> IRealPro.pick(tunes, null));
        assertEquals("the playlist holds 3 tunes (1 Blues for Test, 2 Someday Waltz, 3 Minor Blues); pick one with --tune N"
                + " or --tune NAME", none.getMessage());
        assertEquals("--tune 4: the playlist holds tunes 1 to 3",
                assertThrows(IllegalArgumentException.class, () -> IRealPro.pick(tunes, "4")).getMessage());
    }

    @Test
    void endingsRepeatSignsSlashesAndNoChordAreWrittenOut() {
        // first and second endings; x and Kcl the bar before; r the two bars before; p a slash; n N.C.;
        // W an invisible chord with a bass; an alternative chord in parentheses; a comment; sections, spacers
        String s = "{*AT44C^7XyQ|A-7(Ab7)XyQ|N1D-7XyQ|G7XyQ}XyQ|N2D-7 G7XyQ|C6XyQKcl LZ*BE-7 A7LZxLZD-7 p p G7LZr|XyQ"
                + "|nXyQ|C^7 W/BLZ<Medium Swing>A-7 Y,XyQZ";
        String chart = IRealPro.chart(s);
        assertEquals("| C^7 | A-7 | D-7 | G7 | C^7 | A-7 | D-7 G7 | C6 | C6 | E-7 A7 | E-7 A7 | D-7 / / G7 | E-7 A7 "
                + "| D-7 / / G7 | N.C. | C^7 C^7/B | A-7 |", Progression.parse(chart).toString());
    }

    /** The bars of a chord string as played, each bar's chords joined ("C^7 | A-7 G7 | ..."). */
    private static String played(String chords) {
        return Progression.parse(IRealPro.chart(chords)).toString().replaceAll("^\\| | \\|$", "");
    }

    @Test
    void repeatsAreTakenOncePerEnding() {
        assertEquals("C | F | C | F", played("{C XyQ|F XyQ}"));
        assertEquals("C | F | G | C | F | D", played("[T44{C XyQ|F XyQ|N1G XyQ}XyQ|N2D XyQZ"));
        // three endings: three passes, the first ending two bars long
        assertEquals("C | D | E | C | F | C | G | A", played("{C XyQ|N1D XyQ|E XyQ}|N2F XyQ}|N3G XyQ|A XyQZ"));
        // a second repeat later repeats from its own opening
        assertEquals("C | D | D | E | E", played("C XyQ{D XyQ}{E XyQ}"));
    }

    /** A bar with as many cells as beats puts each chord on its cell; any other bar shares its beats evenly. */
    @Test
    void chordsSitOnTheirCellsWhenABarHasACellABeat() {
        // C^7 on cell 1, F7 on cell 4: three beats and one
        assertEquals("C^7 / / F7 | F7 F7 / Bb7", played("[T44C^7  F7|F7F7 Bb7|"));
        Progression.Bar bar = Progression.parse(IRealPro.chart("C^7  F7|")).bars().get(0);
        assertEquals(List.of(3, 1), bar.changes().stream().map(Progression.Change::beats).toList());
        // laid out as the even share (2 + 1 + 1, 2 + 2, a whole bar), or not a cell a beat: the chords alone
        assertEquals("C7 F7 G7 | D-7 G7 | C^7 | C7 F7 G7 | C7", played("C7 F7G7|D-7 G7 |C^7XyQ|C7F7 G7 |XyQC7 |"));
        // 3/4: cells 1 and 2-3 (one beat and two), and two chords over three cells as the even share (2 + 1)
        assertEquals("3/4 | C^7 F7 / | C^7 F7 |", IRealPro.chart("T34C^7F7 |C^7 F7|"));
        // a bar played again ('x') keeps its layout
        assertEquals("C^7 / / F7 | C^7 / / F7", played("C^7  F7|x   |"));
    }

    @Test
    void daCapoDalSegnoCodaAndFineArePlayedOut() {
        // D.C. al Coda: back to the top, leaving at the first Q for the second
        assertEquals("C | F | G | D | C | F | E | A", played("[C XyQ|F QXyQ|G XyQ|<D.C. al Coda>D XyQZ|QE XyQ|A XyQZ"));
        // D.S. al Fine: back to the segno, ending at the bar marked Fine
        assertEquals("C | F | G | D | F | G", played("C XyQ|SF XyQ|G <Fine>XyQ|<D.S. al Fine>D XyQZ"));
        // after the jump a repeat is played once, taking its last ending
        assertEquals("C | F | C | G | Bb | C | G | Bb", played("{C XyQ|N1F XyQ}|N2G XyQ|<D.C. al 2nd End.>Bb XyQZ"));
        // a repeat in the coda, after the jump: played once, its last ending taken
        assertEquals("C | F | C | G | B", played("C Q|<D.C. al Coda>F Z|Q{G |N1A }|N2B Z"));
        // al 1st End. takes the first ending on the way back; a <3x> repeat is played three times
        assertEquals("C | F | C | G | C | F", played("{C XyQ|N1F XyQ}|N2G XyQ<D.C. al 1st End.>Z"));
        assertEquals("C | D | C | D | C | D | E", played("{C XyQ|D <3x>XyQ}|E XyQZ"));
        // D.S. al Coda, and U ends the tune before what follows
        assertEquals("A | B | C | D | B | C | E", played("A XyQ|SB XyQ|C QXyQ|<D.S. al Coda>D XyQ|QE UXyQ|F XyQZ"));
    }

    @Test
    void aJumpWithNothingToGoToIsNamed() {
        assertEquals("bar 2 says 'D.S. al Coda', but no bar has a segno (S)",
                assertThrows(IllegalArgumentException.class, () -> IRealPro.chart("C Q|<D.S. al Coda>F Z|QG Z")).getMessage());
        assertEquals("bar 2 says 'D.C. al Coda', but there is no coda (Q) before it to leave at and one after it to go to",
                assertThrows(IllegalArgumentException.class, () -> IRealPro.chart("C |<D.C. al Coda>F Z|G Z")).getMessage());
        assertEquals("bar 1 says 'D.C. al Fine', but no bar is marked <Fine>",
                assertThrows(IllegalArgumentException.class, () -> IRealPro.chart("<D.C. al Fine>C Z")).getMessage());
        // through a link, the tune is named
        assertEquals("the tune 'Jump': bar 1 says 'D.S. al Fine', but no bar is marked <Fine>", assertThrows(
                IllegalArgumentException.class, () -> IRealPro.read("irealbook://" + encode("Jump=Me=Swing=C=n=[T44S<D.S. al Fine>C7XyQZ")))
                .getMessage());
    }

    @Test
    void badLinksAndChordsAreNamed() {
        assertEquals("no iReal Pro tune (an irealb:// or irealbook:// link) found",
                assertThrows(IllegalArgumentException.class, () -> IRealPro.read("just text")).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IRealPro.read("irealbook://" + encode("Bad=Me=Swing=C=n=[T44W7XyQZ")));
        assertEquals("the tune 'Bad': an invisible chord 'W' with no chord before it", e.getMessage());
    }
}
